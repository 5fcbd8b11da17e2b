import { v7 as uuidv7 } from "uuid";
import type { Prisma } from "@/server/db/generated/client";
import { type Queryable, sql } from "@/server/db/sql";
import { publishAfterCommit } from "@/server/events/publish";
import type { NotificationKind } from "@/server/notifications/schemas";

export type NewNotifications = {
  workspaceId: string;
  kind: NotificationKind;
  /** Who caused them: never notified of their own change. null: the customer. */
  actorId: string | null;
  items: { recipientId: string; conversationId: string; messageId: string | null }[];
};

export type CreatedNotification = { id: string; recipientId: string };

const PREFERENCE_COLUMN: Record<NotificationKind, string> = {
  mention: '"notifyMention"',
  assigned: '"notifyAssigned"',
  customer_message: '"notifyCustomerMessage"',
};

/**
 * One INSERT for every item whose recipient is a current member of the workspace, is not the
 * actor, and has this kind on: any other item simply gets no row.
 */
function insertStatement(n: NewNotifications): { text: string; values: unknown[] } {
  return {
    text: `INSERT INTO "Notification" (id, "workspaceId", "recipientId", kind, "conversationId", "messageId", "actorId", "createdAt")
      SELECT r.id, m."workspaceId", m.id, $5::"NotificationKind", r."conversationId", r."messageId", $6,
        (now() AT TIME ZONE 'UTC')
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS r(id, "recipientId", "conversationId", "messageId")
      JOIN "Member" m ON m.id = r."recipientId" AND m."workspaceId" = $7
      WHERE m."removedAt" IS NULL AND m.${PREFERENCE_COLUMN[n.kind]} AND m.id IS DISTINCT FROM $6
      RETURNING id, "recipientId"`,
    values: [
      n.items.map(() => uuidv7()),
      n.items.map((item) => item.recipientId),
      n.items.map((item) => item.conversationId),
      n.items.map((item) => item.messageId),
      n.kind,
      n.actorId,
      n.workspaceId,
    ],
  };
}

/** In a Prisma interactive transaction (assignments). */
export async function createNotifications(
  tx: Prisma.TransactionClient,
  n: NewNotifications,
): Promise<CreatedNotification[]> {
  if (n.items.length === 0) return [];
  const { text, values } = insertStatement(n);
  return tx.$queryRawUnsafe<CreatedNotification[]>(text, ...values);
}

/** In a transaction on the pg pool (a note's mentions, server/connect/send-message.ts). */
export async function createNotificationsOn(
  on: Queryable,
  n: NewNotifications,
): Promise<CreatedNotification[]> {
  if (n.items.length === 0) return [];
  const { text, values } = insertStatement(n);
  return sql<CreatedNotification>(on, text, values);
}

/**
 * After the commit: each recipient's open inboxes hear of their own notifications only, once per
 * recipient (a bulk assignment of many conversations is one event, naming the newest).
 */
export function publishNotifications(workspaceId: string, created: CreatedNotification[]): void {
  const newest = new Map(created.map(({ id, recipientId }) => [recipientId, id]));
  for (const [recipientId, id] of newest) {
    publishAfterCommit({
      type: "notification.created",
      workspaceId,
      recipientMemberId: recipientId,
      notificationId: id,
    });
  }
}
