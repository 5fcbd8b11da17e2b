import { z } from "zod";

export const NotificationKind = z.enum(["mention", "assigned", "customer_message"]);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** Deleted by the hourly sweep once older than this (server/notifications/sweep.ts). */
export const NOTIFICATION_RETENTION_DAYS = 90;

/** The bell counts up to this many unread and shows "99+" beyond (a capped count stays fast). */
export const UNREAD_COUNT_CAP = 100;

export const NotificationOutput = z.object({
  id: z.string(),
  kind: NotificationKind,
  conversationId: z.string(),
  /** The customer the conversation is with: what the panel names it by. */
  conversationTitle: z.string(),
  messageId: z.string().nullable(),
  actor: z.object({ memberId: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationOutput = z.infer<typeof NotificationOutput>;

export const ListNotificationsInput = z.object({
  cursor: z.string().max(300).nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type ListNotificationsInput = z.infer<typeof ListNotificationsInput>;

export const NotificationPage = z.object({
  notifications: z.array(NotificationOutput),
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

export const UnreadCountOutput = z.object({
  /** At most UNREAD_COUNT_CAP; `capped` says there may be more. */
  count: z.number().int(),
  capped: z.boolean(),
});
export type UnreadCountOutput = z.infer<typeof UnreadCountOutput>;

export const NotificationIdInput = z.object({ id: z.string().min(1).max(200) });
export type NotificationIdInput = z.infer<typeof NotificationIdInput>;

export const NotificationPreferences = z.object({
  mention: z.boolean(),
  assigned: z.boolean(),
  customer_message: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const UpdateNotificationPreferencesInput = NotificationPreferences.partial();
export type UpdateNotificationPreferencesInput = z.infer<typeof UpdateNotificationPreferencesInput>;
