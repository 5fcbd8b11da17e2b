import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import type {
  NotificationPreferences,
  UpdateNotificationPreferencesInput,
} from "@/server/notifications/schemas";

const preferenceSelect = { notifyMention: true, notifyAssigned: true, notifyCustomerMessage: true } as const;

function toPreferences(row: {
  notifyMention: boolean;
  notifyAssigned: boolean;
  notifyCustomerMessage: boolean;
}): NotificationPreferences {
  return {
    mention: row.notifyMention,
    assigned: row.notifyAssigned,
    customer_message: row.notifyCustomerMessage,
  };
}

/** Which kinds the caller is notified of, in this workspace (a membership's, not the person's). */
export async function getNotificationPreferences(db: Db, caller: Caller): Promise<NotificationPreferences> {
  const row = await db.member.findFirstOrThrow({
    where: { id: caller.memberId, workspaceId: caller.workspaceId },
    select: preferenceSelect,
  });
  return toPreferences(row);
}

export async function updateNotificationPreferences(
  db: Db,
  caller: Caller,
  input: UpdateNotificationPreferencesInput,
): Promise<NotificationPreferences> {
  const row = await db.member.update({
    where: { workspaceId_id: { workspaceId: caller.workspaceId, id: caller.memberId } },
    data: {
      ...(input.mention !== undefined ? { notifyMention: input.mention } : {}),
      ...(input.assigned !== undefined ? { notifyAssigned: input.assigned } : {}),
      ...(input.customer_message !== undefined ? { notifyCustomerMessage: input.customer_message } : {}),
    },
    select: preferenceSelect,
  });
  return toPreferences(row);
}
