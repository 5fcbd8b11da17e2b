"use client";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { colleagueReplies, subscribePresence } from "@/components/presence/presence-store";

const NONE: never[] = [];

export type Collision = { memberId: string; confirmed: boolean };

/**
 * A colleague's reply that arrived while the member had a reply with text in the composer: shown
 * until the draft is sent or emptied; `confirmed` once the member chose to send or review, so
 * Send asks only once (a further reply asks again).
 */
export function useCollision(conversationId: string, writingReply: boolean) {
  const replies = useSyncExternalStore(subscribePresence, colleagueReplies, () => NONE);
  const [collision, setCollision] = useState<Collision | null>(null);
  const seen = useRef(replies.length);
  const writing = useRef(writingReply);
  writing.current = writingReply;
  useEffect(() => {
    const fresh = replies.slice(Math.min(seen.current, replies.length));
    seen.current = replies.length;
    const latest = fresh.at(-1);
    if (latest && writing.current) setCollision({ memberId: latest.memberId, confirmed: false });
  }, [replies]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another conversation starts clean
  useEffect(() => setCollision(null), [conversationId]);
  useEffect(() => {
    if (!writingReply) setCollision(null);
  }, [writingReply]);
  return {
    collision,
    confirm: () => setCollision((c) => (c ? { ...c, confirmed: true } : c)),
  };
}
