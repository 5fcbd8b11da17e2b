import { db } from "@/server/db/client";
import { deleteOldNotifications } from "@/server/notifications/sweep";

const EVERY_MS = 60 * 60 * 1000;

/**
 * In each app process: shortly after start, then hourly (as the attachments' orphan sweep). Any
 * instance may run it at any time: deleting what is past the retention period is idempotent.
 */
export function sweepOldNotificationsHourly(): void {
  const sweep = () =>
    deleteOldNotifications(db())
      .then((deleted) => {
        if (deleted > 0) console.log(`notifications: deleted ${deleted} past their retention`);
      })
      .catch((error: unknown) => console.error("notifications: retention sweep failed", error));
  setTimeout(sweep, 90_000).unref();
  setInterval(sweep, EVERY_MS).unref();
}
