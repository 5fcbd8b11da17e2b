import { runSelect, toRunOutput } from "@/server/ai/run-select";
import { type ConversationRow, toConversationOutput } from "@/server/conversations/select";
import type { Prisma } from "@/server/db/generated/client";
import { recordWebhookEvent, recordWebhookEvents } from "@/server/webhooks/outbox";

type Change<T> = { from: T; to: T };

/**
 * What a conversation.updated says changed. Labels as their ids, sorted (the payload's
 * conversation carries their names and colours).
 */
export type ConversationChanges = {
  status?: Change<string>;
  assigneeId?: Change<string | null>;
  labelIds?: Change<string[]>;
  /** ISO 8601, null when not snoozed. */
  snoozedUntil?: Change<string | null>;
};

/** conversation.updated: the conversation as the API returns it after the change, plus what changed. */
export async function recordConversationUpdated(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  conversation: ConversationRow,
  changes: ConversationChanges,
): Promise<string[]> {
  if (Object.keys(changes).length === 0) return [];
  return recordWebhookEvent(tx, {
    workspaceId,
    type: "conversation.updated",
    subjectId: conversation.id,
    data: { ...toConversationOutput(conversation), changes },
  });
}

/** conversation.updated for each conversation of a bulk change: one event each, written in one statement. */
export async function recordConversationsUpdated(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  updates: { conversation: ConversationRow; changes: ConversationChanges }[],
): Promise<string[]> {
  return recordWebhookEvents(
    tx,
    workspaceId,
    "conversation.updated",
    updates.map(({ conversation, changes }) => ({
      subjectId: conversation.id,
      data: { ...toConversationOutput(conversation), changes },
    })),
  );
}

/** ai_run.succeeded or ai_run.failed: the run as v1.ai returns it, read in the transaction that ended it. */
export async function recordRunEnded(
  tx: Prisma.TransactionClient,
  run: { id: string; workspaceId: string },
  type: "ai_run.succeeded" | "ai_run.failed",
): Promise<string[]> {
  const row = await tx.aiRun.findFirstOrThrow({
    where: { id: run.id, workspaceId: run.workspaceId },
    select: runSelect,
  });
  return recordWebhookEvent(tx, {
    workspaceId: run.workspaceId,
    type,
    subjectId: run.id,
    data: toRunOutput(row),
  });
}
