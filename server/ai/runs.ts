import { runSelect, toRunOutput } from "@/server/ai/run-select";
import {
  type RunIdInput,
  type RunOutput,
  RunsForConversationInput,
  type RunsForConversationOutput,
} from "@/server/ai/schemas";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/trpc/errors";

export async function getRun(db: Db, caller: Caller, { id }: RunIdInput): Promise<RunOutput> {
  const row = await db.aiRun.findFirst({ where: { id, workspaceId: caller.workspaceId }, select: runSelect });
  if (!row) throw notFound("id", "AI run");
  return toRunOutput(row);
}

/** The conversation's latest runs, newest first: what a conversation view shows in place. */
export async function listRunsForConversation(
  db: Db,
  caller: Caller,
  params: RunsForConversationInput,
): Promise<RunsForConversationOutput> {
  const { conversationId, limit } = RunsForConversationInput.parse(params);
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, workspaceId: caller.workspaceId },
    select: { id: true },
  });
  if (!conversation) throw notFound("conversationId", "conversation");
  const rows = await db.aiRun.findMany({
    where: { workspaceId: caller.workspaceId, conversationId },
    select: runSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return { items: rows.map(toRunOutput) };
}
