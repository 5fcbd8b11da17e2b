import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { keysetPage, olderThanCursor } from "@/server/db/keyset";
import type {
  ListNotificationsInput,
  NotificationOutput,
  NotificationPage,
} from "@/server/notifications/schemas";

const notificationSelect = {
  id: true,
  kind: true,
  conversationId: true,
  messageId: true,
  createdAt: true,
  readAt: true,
  actor: { select: { id: true, user: { select: { name: true } } } },
  conversation: { select: { subject: true, customer: { select: { name: true, email: true } } } },
} satisfies Prisma.NotificationSelect;

type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>;

function toNotificationOutput(row: NotificationRow): NotificationOutput {
  const { customer, subject } = row.conversation;
  return {
    id: row.id,
    kind: row.kind,
    conversationId: row.conversationId,
    conversationTitle: customer.name ?? customer.email ?? subject ?? "",
    messageId: row.messageId,
    actor: row.actor ? { memberId: row.actor.id, name: row.actor.user.name } : null,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** The caller's own notifications, newest first; nobody else's, whatever their role. */
export async function listNotifications(
  db: Db,
  caller: Caller,
  input: ListNotificationsInput,
): Promise<NotificationPage> {
  const rows = await db.notification.findMany({
    where: {
      recipientId: caller.memberId,
      workspaceId: caller.workspaceId,
      ...(input.cursor ? olderThanCursor(input.cursor) : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: notificationSelect,
  });
  const { shown, nextCursor } = keysetPage(rows, input.limit);
  return { notifications: shown.map(toNotificationOutput), nextCursor };
}
