/**
 * A fixed-window counter per key in this process's memory: for signals that are cheap, frequent
 * and ephemeral (presence), where a database write per call would cost more than the call. Each
 * instance counts on its own, so the effective limit is per instance.
 */
export class MemoryWindowLimiter {
  readonly #points: number;
  readonly #windowMs: number;
  readonly #windows = new Map<string, { startedAt: number; used: number }>();

  constructor(options: { points: number; windowMs: number }) {
    this.#points = options.points;
    this.#windowMs = options.windowMs;
  }

  /** Takes one point from the key's window; false once the window is used up. */
  take(key: string, now = Date.now()): boolean {
    let window = this.#windows.get(key);
    if (!window || now - window.startedAt >= this.#windowMs) {
      if (this.#windows.size > 10_000) this.#sweep(now);
      window = { startedAt: now, used: 0 };
      this.#windows.set(key, window);
    }
    window.used += 1;
    return window.used <= this.#points;
  }

  #sweep(now: number) {
    for (const [key, window] of this.#windows) {
      if (now - window.startedAt >= this.#windowMs) this.#windows.delete(key);
    }
  }
}
