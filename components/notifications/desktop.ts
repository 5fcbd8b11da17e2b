/**
 * Desktop notifications (the browser's Notification API), opted into by the member from the
 * panel: the choice is this browser's (localStorage), and the browser's permission is asked for
 * only on that click.
 */
const KEY = "connect-inbox:desktop-notifications";

export type DesktopState = "unsupported" | "off" | "on" | "denied";

export function desktopState(): DesktopState {
  if (typeof window === "undefined" || !("Notification" in window)) return "unsupported";
  if (Notification.permission === "denied") return "denied";
  return Notification.permission === "granted" && localStorage.getItem(KEY) === "on" ? "on" : "off";
}

export async function enableDesktop(): Promise<DesktopState> {
  if (!("Notification" in window)) return "unsupported";
  const permission =
    Notification.permission === "default" ? await Notification.requestPermission() : Notification.permission;
  if (permission === "granted") localStorage.setItem(KEY, "on");
  return desktopState();
}
