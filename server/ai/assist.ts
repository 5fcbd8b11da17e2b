import { findAgentOrDefault } from "@/server/ai/agent-lookup";
import { dispatchRuns } from "@/server/ai/dispatch";
import { publishRunUpdated } from "@/server/ai/events";
import { runSelect, toRunOutput } from "@/server/ai/run-select";
import type { AssistInput, RunOutput } from "@/server/ai/schemas";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/trpc/errors";

/**
 * Asks an agent to answer a message: a reply-mode agent posts its reply in the thread, a
 * draft-mode agent (or kind "draft") leaves the text on the run. Asking again while a run for
 * the same message, agent and kind is queued or running returns that run.
 */
export async function assist(db: Db, caller: Caller, input: AssistInput): Promise<RunOutput> {
  const { workspaceId } = caller;
  const { row, created } = await db.$transaction(async (tx) => {
    const message = await tx.message.findFirst({
      where: { id: input.messageId, workspaceId },
      select: {
        id: true,
        conversationId: true,
        channelId: true,
        conversation: { select: { channelId: true } },
      },
    });
    if (!message) throw notFound("messageId", "message");
    const agent = await findAgentOrDefault(tx, workspaceId, input.agentId);
    const kind = agent.mode === "draft" ? "draft" : (input.kind ?? "reply");
    const existing = await tx.aiRun.findFirst({
      where: {
        workspaceId,
        triggerMessageId: message.id,
        agentId: agent.id,
        kind,
        status: { in: ["queued", "running"] },
      },
      select: runSelect,
    });
    if (existing) return { row: existing, created: false };
    const run = await tx.aiRun.create({
      data: {
        workspaceId,
        agentId: agent.id,
        conversationId: message.conversationId,
        triggerMessageId: message.id,
        channelId: message.channelId ?? message.conversation.channelId,
        requestedByMemberId: caller.memberId,
        kind,
      },
      select: runSelect,
    });
    return { row: run, created: true };
  });
  if (created) {
    publishRunUpdated({ id: row.id, workspaceId, conversationId: row.conversationId });
    dispatchRuns([row.id]);
  }
  return toRunOutput(row);
}
