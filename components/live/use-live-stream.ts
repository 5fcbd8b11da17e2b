"use client";
import { useEffect, useRef, useState } from "react";
import type { LiveEvent } from "@/server/events/types";

const MAX_RESTART_DELAY_MS = 30_000;

/*
 * The last event id this tab has seen. Module state, so that a remount of the shell (moving
 * between conversations) resumes the stream where it stopped instead of missing events.
 */
let resumeFrom: string | null = null;

export type LiveStreamStatus = "connecting" | "connected" | "down";

type Handlers = {
  /** The stream (re)started: every change from now on will arrive. */
  onOpen: (resumed: boolean) => void;
  onEvent: (event: LiveEvent) => void;
};

function streamUrl(connectionId: string): string {
  const query = new URLSearchParams({ connectionId });
  if (resumeFrom) query.set("lastEventId", resumeFrom);
  return `/api/live?${query}`;
}

/**
 * The tab's one live stream: GET /api/live as server-sent events. The browser's EventSource
 * reconnects by itself after the connection drops or the server ends the stream, and resumes
 * from the last event id it saw; after a refusal (signed out, restarting, too many streams) it
 * gives up, and this opens it again with backoff, from the last event id seen.
 */
export function useLiveStream(connectionId: string, handlers: Handlers): LiveStreamStatus {
  const latest = useRef(handlers);
  latest.current = handlers;
  const [status, setStatus] = useState<LiveStreamStatus>("connecting");
  useEffect(() => {
    let source: EventSource | null = null;
    let restart: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const open = () => {
      const current = new EventSource(streamUrl(connectionId));
      source = current;
      current.onopen = () => {
        failures = 0;
        setStatus("connected");
        latest.current.onOpen(resumeFrom !== null);
      };
      current.onmessage = (message: MessageEvent<string>) => {
        if (message.lastEventId) resumeFrom = message.lastEventId;
        latest.current.onEvent(JSON.parse(message.data) as LiveEvent);
      };
      current.onerror = () => {
        if (current.readyState !== EventSource.CLOSED) {
          setStatus("connecting");
          return;
        }
        setStatus("down");
        const delay = Math.min(1_000 * 2 ** failures, MAX_RESTART_DELAY_MS);
        failures += 1;
        restart = setTimeout(open, delay);
      };
    };
    open();
    return () => {
      clearTimeout(restart);
      source?.close();
    };
  }, [connectionId]);
  return status;
}
