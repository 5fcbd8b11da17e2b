import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { publishAfterCommit } from "@/server/events/publish";
import { notFound } from "@/server/trpc/errors";

function publishRead(caller: Caller) {
  // The member's other tabs update their bell.
  publishAfterCommit({
    type: "notifications.read",
    workspaceId: caller.workspaceId,
    recipientMemberId: caller.memberId,
  });
}

/** Marks one of the caller's notifications read; someone else's is NOT_FOUND, like a missing one. */
export async function markNotificationRead(db: Db, caller: Caller, id: string): Promise<void> {
  const owned = { id, recipientId: caller.memberId, workspaceId: caller.workspaceId };
  const { count } = await db.notification.updateMany({
    where: { ...owned, readAt: null },
    data: { readAt: new Date() },
  });
  if (count === 0) {
    const exists = await db.notification.findFirst({ where: owned, select: { id: true } });
    if (!exists) throw notFound("id", "notification");
    return;
  }
  publishRead(caller);
}

/** Marks every unread notification of the caller read; returns how many. */
export async function markAllNotificationsRead(db: Db, caller: Caller): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { recipientId: caller.memberId, workspaceId: caller.workspaceId, readAt: null },
    data: { readAt: new Date() },
  });
  if (count > 0) publishRead(caller);
  return count;
}
