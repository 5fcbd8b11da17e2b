"use client";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { trpc } from "@/client/trpc";
import {
  colleaguesHere,
  openPresence,
  presenceVersion,
  seedPresence,
  streamRestarts,
  subscribePresence,
  tabConnectionId,
} from "@/components/presence/presence-store";
import type { ColleaguePresence, PresenceActivity } from "@/server/presence/schemas";
import { PRESENCE_REFRESH_MS, TYPING_EXPIRY_MS, TYPING_THROTTLE_MS } from "@/server/presence/timing";

function useStoreVersion(): number {
  return useSyncExternalStore(subscribePresence, presenceVersion, () => 0);
}

/** Sends this tab's presence; a failure is nothing to show (presence is a courtesy). */
function useAnnounce() {
  const utils = trpc.useUtils();
  return useCallback(
    (conversationId: string, activity: PresenceActivity) => {
      utils.client.v1.presence.update
        .mutate({ conversationId, connectionId: tabConnectionId(), activity })
        .then((answer) => seedPresence(conversationId, answer.tabs))
        .catch(() => {});
    },
    [utils],
  );
}

/**
 * Says that this tab has the conversation open (again every 20 s, and whenever the live stream
 * restarts), and that it left when it closes it; answers the colleagues who have it open,
 * re-evaluated every second while there are any, so typing and silent tabs expire on time.
 */
export function useConversationPresence(conversationId: string): ColleaguePresence[] {
  const announce = useAnnounce();
  useStoreVersion();
  const restarts = useSyncExternalStore(subscribePresence, streamRestarts, () => 0);
  useEffect(() => {
    openPresence(conversationId);
    const timer = setInterval(() => announce(conversationId, "viewing"), PRESENCE_REFRESH_MS);
    return () => {
      clearInterval(timer);
      announce(conversationId, "left");
      openPresence(null);
    };
  }, [conversationId, announce]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a restarted stream announces again
  useEffect(() => announce(conversationId, "viewing"), [conversationId, announce, restarts]);

  const colleagues = colleaguesHere();
  const [, tick] = useState(0);
  const waiting = colleagues.length > 0;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => tick((n) => n + 1), 1_000);
    return () => clearInterval(timer);
  }, [waiting]);
  return colleagues;
}

/** The colleagues here, for a component that only reads (the composer). */
export function useColleaguesHere(): ColleaguePresence[] {
  useStoreVersion();
  return colleaguesHere();
}

/**
 * A typing signal for the composer: at most one every 2.5 s while the member types, and
 * "viewing" again once the draft is sent or emptied, so "is replying" ends at once.
 */
export function useTypingSignal(conversationId: string) {
  const announce = useAnnounce();
  const last = useRef<{ activity: PresenceActivity; at: number } | null>(null);
  const typing = useCallback(
    (internal: boolean, hasText: boolean) => {
      const now = Date.now();
      const previous = last.current;
      if (!hasText) {
        if (previous && previous.activity !== "viewing" && now - previous.at < TYPING_EXPIRY_MS) {
          last.current = { activity: "viewing", at: now };
          announce(conversationId, "viewing");
        }
        return;
      }
      const activity = internal ? "noting" : "replying";
      if (previous?.activity === activity && now - previous.at < TYPING_THROTTLE_MS) return;
      last.current = { activity, at: now };
      announce(conversationId, activity);
    },
    [announce, conversationId],
  );
  return typing;
}
