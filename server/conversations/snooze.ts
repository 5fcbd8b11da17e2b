import { TRPCError } from "@trpc/server";
import type { Caller } from "@/server/auth/caller";
import {
  type ConversationOutput,
  SNOOZE_MAX_MS,
  type SnoozeConversationInput,
} from "@/server/conversations/schemas";
import { conversationSelect, toConversationOutput } from "@/server/conversations/select";
import { scheduleWakeUp } from "@/server/conversations/wake-dispatch";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { publishAfterCommit } from "@/server/events/publish";
import { notFound } from "@/server/trpc/errors";
import { dispatchDeliveries } from "@/server/webhooks/dispatch";
import { recordConversationUpdated } from "@/server/webhooks/events";

/**
 * Puts a conversation away until `until`: its status is snoozed until then, when the wake-up job
 * opens it again (or a customer's message does, sooner). Snoozing again moves the time; the
 * earlier job then finds the conversation not yet due and does nothing.
 */
export async function snoozeConversation(
  db: Db,
  caller: Caller,
  input: SnoozeConversationInput,
): Promise<ConversationOutput> {
  const until = new Date(input.until);
  const now = Date.now();
  if (until.getTime() <= now) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "until: pick a time in the future" });
  }
  if (until.getTime() > now + SNOOZE_MAX_MS) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "until: at most a year ahead" });
  }
  const { workspaceId } = caller;
  const { row, deliveryIds } = await db.$transaction(async (tx) => {
    const before = await tx.conversation.findFirst({
      where: { id: input.id, workspaceId },
      select: { id: true, status: true, snoozedUntil: true },
    });
    if (!before) throw notFound("id", "conversation");
    const row = await tx.conversation.update({
      where: { workspaceId_id: { workspaceId, id: before.id } },
      data: { status: "snoozed", snoozedUntil: until },
      select: conversationSelect,
    });
    const deliveryIds = await recordConversationUpdated(tx, workspaceId, row, {
      ...(before.status !== "snoozed" ? { status: { from: before.status, to: "snoozed" } } : {}),
      snoozedUntil: { from: before.snoozedUntil?.toISOString() ?? null, to: until.toISOString() },
    });
    return { row, deliveryIds };
  });
  publishAfterCommit({ type: "conversation.updated", workspaceId, conversationId: row.id });
  dispatchDeliveries(deliveryIds);
  scheduleWakeUp({ workspaceId, conversationId: row.id, until: until.toISOString() });
  return toConversationOutput(row);
}

/**
 * Opens the snoozed conversations whose time has come: one conditional UPDATE, so a job for a
 * conversation snoozed again since (a later time), opened meanwhile, or already woken by another
 * worker does nothing. Given a conversation, only that one (its job); else every one due (the
 * sweep). Returns how many it opened.
 */
export async function wakeDueConversations(
  db: Db,
  only?: { workspaceId: string; conversationId: string },
): Promise<number> {
  const woken = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; workspaceId: string; snoozedUntil: Date }[]>`
      WITH due AS (
        SELECT id, "snoozedUntil" FROM "Conversation"
        WHERE "snoozedUntil" <= (now() AT TIME ZONE 'UTC') AND status = 'snoozed'
          ${only ? Prisma.sql`AND id = ${only.conversationId} AND "workspaceId" = ${only.workspaceId}` : Prisma.empty}
        ORDER BY "snoozedUntil" LIMIT 1000
        FOR UPDATE SKIP LOCKED
      )
      UPDATE "Conversation" c SET status = 'open', "snoozedUntil" = NULL, "updatedAt" = now()
      FROM due WHERE c.id = due.id
      RETURNING c.id, c."workspaceId", due."snoozedUntil"`;
    const deliveryIds: string[] = [];
    for (const woke of rows) {
      const row = await tx.conversation.findFirstOrThrow({
        where: { id: woke.id, workspaceId: woke.workspaceId },
        select: conversationSelect,
      });
      deliveryIds.push(
        ...(await recordConversationUpdated(tx, woke.workspaceId, row, {
          status: { from: "snoozed", to: "open" },
          snoozedUntil: { from: woke.snoozedUntil.toISOString(), to: null },
        })),
      );
    }
    return { rows, deliveryIds };
  });
  for (const row of woken.rows) {
    publishAfterCommit({
      type: "conversation.updated",
      workspaceId: row.workspaceId,
      conversationId: row.id,
    });
  }
  dispatchDeliveries(woken.deliveryIds);
  return woken.rows.length;
}
