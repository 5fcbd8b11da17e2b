type Waiting<K, V> = { key: K; resolve: (value: V) => void; reject: (error: unknown) => void };

/**
 * One key at a time for the caller, many per statement for the database: the keys asked for in
 * the same tick, or while the previous `run` was in flight, go to one `run` (which answers in
 * the order of its keys). Idle, a key waits for nothing; under load one statement serves a
 * whole batch of deliveries instead of each paying its own round trip.
 */
export function coalesce<K, V>(run: (keys: K[]) => Promise<V[]>): (key: K) => Promise<V> {
  let waiting: Waiting<K, V>[] = [];
  let running = false;
  const next = async () => {
    if (running || waiting.length === 0) return;
    running = true;
    const batch = waiting;
    waiting = [];
    try {
      const values = await run(batch.map((w) => w.key));
      batch.forEach((w, i) => {
        w.resolve(values[i] as V);
      });
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      running = false;
      void next();
    }
  };
  return (key) =>
    new Promise<V>((resolve, reject) => {
      waiting.push({ key, resolve, reject });
      queueMicrotask(() => void next());
    });
}
