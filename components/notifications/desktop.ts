/**
 * Desktop notifications (the browser's Notification API), opted into by the member from the
 * panel: the choice is this browser's (localStorage), and the browser's permission is asked for
 * only on that click.
 */
export const DESKTOP_KEY = "connect-inbox:desktop-notifications";

export type DesktopState = "unsupported" | "off" | "on" | "denied";

export function desktopState(): DesktopState {
  if (typeof window === "undefined" || !("Notification" in window)) return "unsupported";
  if (Notification.permission === "denied") return "denied";
  return Notification.permission === "granted" && localStorage.getItem(DESKTOP_KEY) === "on" ? "on" : "off";
}
