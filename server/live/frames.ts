import type { LiveEvent } from "@/server/events/types";

// Server-sent events as the browser's EventSource reads them (the WHATWG "text/event-stream" format).

const encoder = new TextEncoder();

/**
 * One event, encoded once: the hub enqueues these same bytes to every connection it is for. The id
 * is a bus id (server/events/bus.ts rejects line breaks in ids), and JSON keeps `data` on one line.
 */
export function eventFrame(id: string, event: LiveEvent): Uint8Array {
  return encoder.encode(`id: ${id}\ndata: ${JSON.stringify(event)}\n\n`);
}

/** How long the browser waits before it reconnects by itself (after the stream ends or drops). */
export function retryFrame(ms: number): Uint8Array {
  return encoder.encode(`retry: ${Math.round(ms)}\n\n`);
}

/** A comment: EventSource ignores it; proxies see traffic on an idle stream and keep it open. */
export const KEEP_ALIVE_FRAME = encoder.encode(": keep-alive\n\n");
