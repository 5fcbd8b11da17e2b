"use client";
import { useQueryClient } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import { type Changes, collect, noChanges } from "@/components/live/changes";
import { type MessagePages, mergeNewestPage } from "@/components/live/message-pages";
import { useLiveStream } from "@/components/live/use-live-stream";
import { announceNotifications } from "@/components/notifications/arrivals";
import {
  colleagueReplied,
  receivePresence,
  streamStarted,
  tabConnectionId,
} from "@/components/presence/presence-store";
import type { MessageOutput } from "@/server/connect/schemas";
import type { LiveEvent } from "@/server/events/types";

/** How many of the newest messages to fetch when one arrives; more than that missed means a refetch. */
const NEWEST_PAGE = 20;
/** Events that arrive together (a burst of messages) cause one round of refetches. */
const BATCH_MS = 50;

type Options = {
  /** The conversation on screen: its new messages are announced. */
  conversationId: string | null;
  onNewMessage: (message: MessageOutput) => void;
};

/**
 * The tab's one live stream (mount it once, in the inbox shell): keeps the cached message
 * history, conversation list, counts and details current. `connected`: every change from now
 * on will arrive; `reconnecting`: the stream has been down for a moment.
 */
export function useLiveInbox({ conversationId, onNewMessage }: Options): {
  connected: boolean;
  reconnecting: boolean;
} {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  const me = trpc.v1.workspace.me.useQuery();
  const latest = useRef({ conversationId, onNewMessage, memberId: me.data?.memberId });
  latest.current = { conversationId, onNewMessage, memberId: me.data?.memberId };

  /** Fetches the newest messages once and folds them into every cached history of the conversation. */
  const refreshNewestMessages = useCallback(
    (id: string, messageIds: Set<string>): Promise<void> => {
      const queryKey = getQueryKey(trpc.v1.connect.listMessages, { conversationId: id }, "infinite");
      const cached = queryClient.getQueryCache().findAll({ queryKey });
      const shown = cached.filter((query) => query.getObserversCount() > 0 && query.state.data);
      const open = latest.current.conversationId === id;
      const fetched =
        shown.length > 0 || open
          ? utils.client.v1.connect.listMessages.query(
              { conversationId: id, limit: NEWEST_PAGE },
              { context: { skipBatch: true } },
            )
          : null;
      for (const query of cached) {
        if (!shown.includes(query))
          void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
      }
      return (async () => {
        if (!fetched) return;
        const newest = await fetched;
        for (const query of shown) {
          const merged = mergeNewestPage(query.state.data as MessagePages, newest);
          if (merged) queryClient.setQueryData(query.queryKey, merged);
          else void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
        }
        if (!open) return;
        for (const message of newest.items) {
          const mine = message.sender.type === "member" && message.sender.id === latest.current.memberId;
          if (!messageIds.has(message.id) || mine) continue;
          latest.current.onNewMessage(message);
          // A colleague's reply to the customer (not a note): the composer warns a member writing one.
          if (message.sender.type === "member" && message.sender.id && !message.flags.includes("internal"))
            colleagueReplied({ conversationId: id, memberId: message.sender.id, messageId: message.id });
        }
      })();
    },
    [queryClient, utils],
  );

  /** Whether a component on screen reads this run by itself (and so sees its updates). */
  const isWatched = useCallback(
    (id: string) => {
      const queryKey = getQueryKey(trpc.v1.ai.run, { id }, "query");
      const query = queryClient.getQueryCache().find({ queryKey, exact: true });
      return (query?.getObserversCount() ?? 0) > 0;
    },
    [queryClient],
  );

  const apply = useCallback(
    async (changes: Changes) => {
      if (changes.resync) {
        await Promise.all([
          utils.v1.connect.listMessages.invalidate(),
          utils.v1.conversations.invalidate(),
          utils.v1.ai.runsForConversation.invalidate(),
          utils.v1.ai.run.invalidate(),
          utils.v1.notifications.invalidate(),
        ]);
        return;
      }
      // The new messages first and in a request of their own (batched with the list they would
      // wait for its slowest query); the list, counts and details at the same time, in one
      // batch. A run's posted reply comes as its own message.created, so a run's update touches
      // no history.
      const refetches: Promise<unknown>[] = [...changes.messages].map(([id, messageIds]) =>
        refreshNewestMessages(id, messageIds).catch(() =>
          utils.v1.connect.listMessages.invalidate({ conversationId: id }),
        ),
      );
      // A customer's message reopens a resolved conversation.
      for (const id of changes.messages.keys()) refetches.push(utils.v1.conversations.get.invalidate({ id }));
      for (const id of changes.conversations) refetches.push(utils.v1.conversations.get.invalidate({ id }));
      if (changes.bulk) refetches.push(utils.v1.conversations.get.invalidate());
      if (changes.messages.size > 0 || changes.conversations.size > 0 || changes.bulk) {
        refetches.push(utils.v1.conversations.list.invalidate(), utils.v1.conversations.counts.invalidate());
      }
      // A run that changed while the stream was connecting (a fast run asked for the moment the
      // page opened) would otherwise wait for its slow safety refetch: read the runs on screen
      // again. Only runs still queued or running are on screen by themselves.
      if (changes.started) refetches.push(utils.v1.ai.run.invalidate());
      if (changes.notifications.size > 0 || changes.notificationsRead) {
        refetches.push(
          utils.v1.notifications.unreadCount.invalidate(),
          utils.v1.notifications.list.invalidate(),
        );
      }
      if (changes.notifications.size > 0) announceNotifications([...changes.notifications]);
      // A draft announces its streamed text several times a second: refetch the run on screen
      // alone, and the conversation's list of runs only for a run it does not show yet.
      for (const [conversationId, runIds] of changes.aiRuns) {
        if ([...runIds].some((id) => !isWatched(id)))
          refetches.push(utils.v1.ai.runsForConversation.invalidate({ conversationId }));
        for (const id of runIds) refetches.push(utils.v1.ai.run.invalidate({ id }));
      }
      await Promise.all(refetches);
    },
    [refreshNewestMessages, isWatched, utils],
  );

  const pending = useRef<Changes | null>(null);
  const receive = useCallback(
    (event: LiveEvent) => {
      // Presence changes no query: it goes to the presence line at once, outside the batch.
      if (event.type === "presence") return receivePresence(event);
      if (!pending.current) {
        pending.current = noChanges();
        setTimeout(() => {
          const changes = pending.current;
          pending.current = null;
          if (changes) void apply(changes);
        }, BATCH_MS);
      }
      collect(pending.current, event);
    },
    [apply],
  );

  const [everConnected, setEverConnected] = useState(false);
  const status = useLiveStream(tabConnectionId(), {
    onOpen: (resumed) => {
      // Restarted without even the `ready` of the last start: what happened meanwhile is unknown.
      if (everConnected && !resumed) receive({ type: "resync" });
      setEverConnected(true);
      streamStarted();
    },
    onEvent: receive,
  });

  return {
    connected: status === "connected",
    // A first connection that is merely slow (a busy server) is not "reconnecting".
    reconnecting: useLasting(status !== "connected", everConnected ? 1_500 : 5_000),
  };
}

/** True once `value` has been true for `ms`: a connection that is back within a moment shows nothing. */
function useLasting(value: boolean, ms: number): boolean {
  const [lasting, setLasting] = useState(false);
  useEffect(() => {
    if (!value) {
      setLasting(false);
      return;
    }
    const timer = setTimeout(() => setLasting(true), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return lasting;
}
