import { TRPCError } from "@trpc/server";
import { findAgentOrDefault } from "@/server/ai/agent-lookup";
import { dispatchRuns } from "@/server/ai/dispatch";
import { publishRunUpdated } from "@/server/ai/events";
import { runSelect, toRunOutput } from "@/server/ai/run-select";
import type { RunOutput, StoredRunOutput, TransformInput } from "@/server/ai/schemas";
import { TRANSLATE_UNSUPPORTED } from "@/server/ai/transform-text";
import type { Caller } from "@/server/auth/caller";
import { LOCALES } from "@/server/connect/locales";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/trpc/errors";

/**
 * Queues a translation or rewrite of text a member is writing in a conversation; the run's
 * output holds the result per locale. The run hangs off the conversation's newest message,
 * since a run always has a trigger.
 */
export async function transform(db: Db, caller: Caller, input: TransformInput): Promise<RunOutput> {
  const { workspaceId } = caller;
  const row = await db.$transaction(async (tx) => {
    const conversation = await tx.conversation.findFirst({
      where: { id: input.conversationId, workspaceId },
      select: { id: true, channelId: true },
    });
    if (!conversation) throw notFound("conversationId", "conversation");
    const agent = await findAgentOrDefault(tx, workspaceId, input.agentId);
    if (agent.provider === "builtin" && input.kind === "translate") {
      throw new TRPCError({ code: "BAD_REQUEST", message: TRANSLATE_UNSUPPORTED });
    }
    const latest = await tx.message.findFirst({
      where: { workspaceId, conversationId: conversation.id },
      select: { id: true, channelId: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    if (!latest) {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: "conversationId: the conversation has no messages yet",
      });
    }
    const targetLocales =
      input.kind === "translate"
        ? [...new Set(input.targetLocales ?? LOCALES)].filter((locale) => locale !== input.locale)
        : [];
    const output: StoredRunOutput = {
      texts: {},
      partial: false,
      request: { text: input.text, locale: input.locale, style: input.style ?? null, targetLocales },
    };
    return tx.aiRun.create({
      data: {
        workspaceId,
        agentId: agent.id,
        conversationId: conversation.id,
        triggerMessageId: latest.id,
        channelId: latest.channelId ?? conversation.channelId,
        requestedByMemberId: caller.memberId,
        kind: input.kind,
        output,
      },
      select: runSelect,
    });
  });
  publishRunUpdated({ id: row.id, workspaceId, conversationId: row.conversationId });
  dispatchRuns([row.id]);
  return toRunOutput(row);
}
