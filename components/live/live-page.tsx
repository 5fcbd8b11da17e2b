"use client";
import { useRef } from "react";
import { trpc } from "@/client/trpc";
import { useLiveStream } from "@/components/live/use-live-stream";
import { announceNotifications } from "@/components/notifications/arrivals";
import { tabConnectionId } from "@/components/presence/presence-store";

/** Events that arrive together (a bulk change, a burst of messages) cause one refresh. */
const BATCH_MS = 250;

/**
 * The live stream of a signed-in page other than the inbox (settings, customers): the member's
 * notifications stay current (the bell, the tab title, desktop notices), and `onChange` hears of
 * any change in the workspace, at most once per moment. Mount once per page.
 */
export function LivePage({ onChange }: { onChange?: () => void }) {
  const utils = trpc.useUtils();
  const latest = useRef(onChange);
  latest.current = onChange;
  const batch = useRef<ReturnType<typeof setTimeout> | null>(null);
  const changed = () => {
    batch.current ??= setTimeout(() => {
      batch.current = null;
      latest.current?.();
    }, BATCH_MS);
  };
  const refreshNotifications = () => {
    void utils.v1.notifications.unreadCount.invalidate();
    void utils.v1.notifications.list.invalidate();
  };
  const opened = useRef(false);
  const status = useLiveStream(tabConnectionId(), {
    // Started again without resuming: whatever happened meanwhile is unknown.
    onOpen: (resumed) => {
      if (opened.current && !resumed) {
        refreshNotifications();
        changed();
      }
      opened.current = true;
    },
    onEvent: (event) => {
      if (event.type === "presence" || event.type === "ready") return;
      if (event.type === "notification.created") {
        refreshNotifications();
        announceNotifications([event.notificationId]);
      } else if (event.type === "notifications.read" || event.type === "resync") {
        refreshNotifications();
        if (event.type === "resync") changed();
      } else changed();
    },
  });
  // Nothing to see: the bell and the page show what the stream brings.
  return <span hidden data-testid="live-page" data-live={status === "connected" ? "connected" : "down"} />;
}
