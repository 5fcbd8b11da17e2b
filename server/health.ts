import { db } from "@/server/db/client";
import { logUnexpected } from "@/server/http/unexpected-error";

const TIMEOUT_MS = 2_000;

/** Whether the database answers a query within a short time. */
export async function checkDatabase(): Promise<{ ok: boolean; latencyMs?: number }> {
  const started = performance.now();
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), TIMEOUT_MS)),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // The driver's words (host, port, SQLSTATE) go to the log, not to whoever asks.
    logUnexpected("health check", error);
    return { ok: false };
  }
}
