import { z } from "zod";
import { countUnreadNotifications } from "@/server/notifications/count";
import { listNotifications } from "@/server/notifications/list";
import {
  getNotificationPreferences,
  updateNotificationPreferences,
} from "@/server/notifications/preferences";
import { markAllNotificationsRead, markNotificationRead } from "@/server/notifications/read";
import {
  ListNotificationsInput,
  NotificationIdInput,
  NotificationPage,
  NotificationPreferences,
  UnreadCountOutput,
  UpdateNotificationPreferencesInput,
} from "@/server/notifications/schemas";
import { memberProcedure, router } from "@/server/trpc/init";

/** `v1.notifications`: the caller's own notifications; nobody, whatever their role, sees another's. */
export const notificationsRouter = router({
  list: memberProcedure
    .input(ListNotificationsInput)
    .output(NotificationPage)
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.caller, input)),
  unreadCount: memberProcedure
    .output(UnreadCountOutput)
    .query(({ ctx }) => countUnreadNotifications(ctx.db, ctx.caller)),
  markRead: memberProcedure
    .input(NotificationIdInput)
    .output(z.void())
    .mutation(({ ctx, input }) => markNotificationRead(ctx.db, ctx.caller, input.id)),
  markAllRead: memberProcedure
    .output(z.object({ count: z.number().int() }))
    .mutation(async ({ ctx }) => ({ count: await markAllNotificationsRead(ctx.db, ctx.caller) })),
  preferences: memberProcedure
    .output(NotificationPreferences)
    .query(({ ctx }) => getNotificationPreferences(ctx.db, ctx.caller)),
  updatePreferences: memberProcedure
    .input(UpdateNotificationPreferencesInput)
    .output(NotificationPreferences)
    .mutation(({ ctx, input }) => updateNotificationPreferences(ctx.db, ctx.caller, input)),
});
