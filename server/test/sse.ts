import type { LiveEvent } from "@/server/events/types";

export type LiveFrame = { id: string | null; event: LiveEvent };

/**
 * Reads a live stream's server-sent events as the browser's EventSource does (comments and
 * `retry:` skipped), one at a time, failing when none comes within `ms` or the stream ends.
 */
export function readEvents(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parsed: LiveFrame[] = [];
  let buffer = "";
  // A read outlives a timed-out wait, so that what it brings is not lost to the next one.
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;

  function parse() {
    for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let id: string | null = null;
      let data: string | null = null;
      for (const line of block.split("\n")) {
        if (line.startsWith("id: ")) id = line.slice(4);
        else if (line.startsWith("data: ")) data = line.slice(6);
      }
      if (data !== null) parsed.push({ id, event: JSON.parse(data) as LiveEvent });
    }
  }

  async function next(ms = 3_000): Promise<LiveFrame> {
    const deadline = Date.now() + ms;
    for (;;) {
      const frame = parsed.shift();
      if (frame) return frame;
      // A connection cut short ends the stream as a normal end does: EventSource reconnects.
      pending ??= reader.read().catch(() => ({ done: true, value: undefined }));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no event within ${ms} ms`)), deadline - Date.now());
      });
      try {
        const result = await Promise.race([pending, timeout]);
        pending = null;
        if (result.done) throw new Error("the stream ended");
        buffer += decoder.decode(result.value, { stream: true });
        parse();
      } finally {
        clearTimeout(timer);
      }
    }
  }

  /** Reads until the stream ends; how many events came before that. */
  async function drain(ms = 10_000): Promise<number> {
    let count = 0;
    for (;;) {
      try {
        await next(ms);
        count += 1;
      } catch (error) {
        if (error instanceof Error && error.message === "the stream ended") return count;
        throw error;
      }
    }
  }

  return { next, drain, cancel: () => reader.cancel().catch(() => {}) };
}
