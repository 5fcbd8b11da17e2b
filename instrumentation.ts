export async function register() {
  // The documented form: NEXT_RUNTIME is inlined at build, so the Edge bundle drops the import.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { endLiveStreamsOnShutdown } = await import("@/server/events/shutdown");
    endLiveStreamsOnShutdown();
    const { startAiInApp } = await import("@/server/ai/app-worker");
    startAiInApp();
    const { startWebhooksInApp } = await import("@/server/webhooks/app-worker");
    startWebhooksInApp();
    const { startSnoozeInApp } = await import("@/server/conversations/snooze-app-worker");
    startSnoozeInApp();
    const { sweepOrphanBytesHourly } = await import("@/server/attachments/orphan-sweeper");
    sweepOrphanBytesHourly();
    const { sweepOldNotificationsHourly } = await import("@/server/notifications/sweeper");
    sweepOldNotificationsHourly();
  }
}
