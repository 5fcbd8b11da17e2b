/** New notifications announced by the live stream, for the bell (desktop notifications). */
type Listener = (notificationIds: string[]) => void;
const listeners = new Set<Listener>();

export function announceNotifications(ids: string[]): void {
  for (const listener of listeners) listener(ids);
}

export function onNotificationsArrived(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
