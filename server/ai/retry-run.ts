import { TRPCError } from "@trpc/server";
import { dispatchRuns } from "@/server/ai/dispatch";
import { publishRunUpdated } from "@/server/ai/events";
import { runSelect, toRunOutput } from "@/server/ai/run-select";
import type { RunIdInput, RunOutput } from "@/server/ai/schemas";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/trpc/errors";

/** Queues a failed run again, with a fresh set of attempts. */
export async function retryRun(db: Db, caller: Caller, { id }: RunIdInput): Promise<RunOutput> {
  const { workspaceId } = caller;
  const requeued = await db.aiRun.updateMany({
    where: { id, workspaceId, status: "failed" },
    data: { status: "queued", attempts: 0, error: null, startedAt: null, finishedAt: null },
  });
  const row = await db.aiRun.findFirst({ where: { id, workspaceId }, select: runSelect });
  if (!row) throw notFound("id", "AI run");
  if (requeued.count === 0) {
    throw new TRPCError({
      code: "CONFLICT",
      message: `id: only a failed run can be retried; this one is ${row.status}`,
    });
  }
  publishRunUpdated({ id: row.id, workspaceId, conversationId: row.conversationId });
  dispatchRuns([row.id]);
  return toRunOutput(row);
}
