"use client";
import { useCallback } from "react";
import { trpc } from "@/client/trpc";
import { PAGE_SIZE } from "@/components/messages/use-message-history";

/**
 * Starts loading a conversation's newest page the moment the agent presses on it, so the
 * request runs alongside the route change instead of after the pane mounts.
 */
export function usePrefetchHistory() {
  const utils = trpc.useUtils();
  return useCallback(
    (conversationId: string) => {
      void utils.v1.connect.listMessages.prefetchInfinite({ conversationId, limit: PAGE_SIZE });
    },
    [utils],
  );
}
