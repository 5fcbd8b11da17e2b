import { type RunOutput, StoredRunOutput } from "@/server/ai/schemas";
import type { Prisma } from "@/server/db/generated/client";

export const runSelect = {
  id: true,
  agentId: true,
  conversationId: true,
  triggerMessageId: true,
  kind: true,
  status: true,
  attempts: true,
  error: true,
  output: true,
  replyMessageId: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} satisfies Prisma.AiRunSelect;

export type RunRow = Prisma.AiRunGetPayload<{ select: typeof runSelect }>;

/** The stored output, or an empty one when it holds something else (an older shape, a bad write). */
export function parseStoredOutput(output: Prisma.JsonValue | null): StoredRunOutput {
  const parsed = StoredRunOutput.safeParse(output ?? {});
  return parsed.success ? parsed.data : { texts: {}, partial: false };
}

export function toRunOutput(row: RunRow): RunOutput {
  const stored = row.output === null ? null : parseStoredOutput(row.output);
  const hasText = stored !== null && Object.keys(stored.texts).length > 0;
  return {
    id: row.id,
    agentId: row.agentId,
    conversationId: row.conversationId,
    triggerMessageId: row.triggerMessageId,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    error: row.error,
    // A queued transform's output holds only its request: nothing to show yet.
    output:
      stored && hasText
        ? { texts: stored.texts, partial: stored.partial, sources: stored.sources ?? [] }
        : null,
    replyMessageId: row.replyMessageId,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
