import type { trpc } from "@/client/trpc";
import { describeNotification } from "@/components/notifications/describe";
import { goToNotification } from "@/components/notifications/open-notification";
import type { notificationsStrings } from "@/components/notifications/strings";

type Utils = ReturnType<typeof trpc.useUtils>;

/**
 * Shows the arrived notifications as desktop notifications (the tab is hidden); clicking one
 * brings the tab forward, opens the conversation at its message and marks it read.
 */
export async function showDesktopNotices(
  utils: Utils,
  ids: string[],
  t: (typeof notificationsStrings)["en"],
): Promise<void> {
  const page = await utils.client.v1.notifications.list.query({ limit: 20 });
  for (const n of page.notifications.filter((item) => ids.includes(item.id))) {
    const { what, where } = describeNotification(n, t);
    const notice = new Notification(what, { body: where, tag: n.id });
    notice.onclick = () => {
      window.focus();
      notice.close();
      goToNotification(n);
      void utils.client.v1.notifications.markRead
        .mutate({ id: n.id })
        .then(() =>
          Promise.all([
            utils.v1.notifications.unreadCount.invalidate(),
            utils.v1.notifications.list.invalidate(),
          ]),
        );
    };
  }
}
