import { createHash } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { v7 as uuidv7 } from "uuid";
import { dispatchRuns } from "@/server/ai/dispatch";
import type { Caller } from "@/server/auth/caller";
import { customerConflict } from "@/server/connect/customers";
import { insertMessage, type NewMessage } from "@/server/connect/insert-message";
import { LOCALES } from "@/server/connect/locales";
import { readIdempotentMessage } from "@/server/connect/message-rows";
import { flatMessageOutput } from "@/server/connect/message-select";
import type { MessageContent, MessageOutput, SendMessageInput } from "@/server/connect/schemas";
import {
  checkAttachments,
  checkParent,
  loadTemplate,
  resolveAi,
  resolveSender,
} from "@/server/connect/send-lookups";
import type { Db } from "@/server/db/client";
import { type Queryable, sql, transaction, uniqueViolation } from "@/server/db/sql";
import { publishAfterCommit } from "@/server/events/publish";
import {
  type CreatedNotification,
  createNotificationsOn,
  publishNotifications,
} from "@/server/notifications/create";
import { mentionedMemberIds } from "@/server/notifications/mention-tokens";
import { checkMentions } from "@/server/notifications/mentions";
import { notFound } from "@/server/trpc/errors";
import { dispatchDeliveries } from "@/server/webhooks/dispatch";
import { findNamedChannel } from "@/server/workspace/channels";

export const INTERNAL_FLAG = "internal";
const IDEMPOTENCY_KEY = "Message_workspaceId_idempotencyKey_key";

/** Locales with something to show: absent, null and blank text are not content. */
function presentContent(content: SendMessageInput["content"]): MessageContent {
  const present: MessageContent = {};
  for (const locale of LOCALES) {
    const value = content?.[locale];
    if (value === undefined || value === null) continue;
    if (typeof value === "string" && value.trim() === "") continue;
    present[locale] = value;
  }
  return present;
}

/** The same input gives the same hash whatever the order of its keys. */
function requestHash(input: SendMessageInput): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === "object")
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== undefined && v !== null)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => [k, canonical(v)]),
      );
    return value;
  };
  return createHash("sha256")
    .update(JSON.stringify(canonical(input)))
    .digest("hex");
}

/**
 * A send that names nothing to look up first: no template, parent, channel, customer, upload,
 * AI agent or mention.
 */
function needsLookups(input: SendMessageInput, mentioned: string[]): boolean {
  return Boolean(
    mentioned.length > 0 ||
      input.templateId ||
      input.parentId ||
      input.channelId ||
      input.channelIdentifier ||
      input.customerId ||
      input.customer ||
      input.ai ||
      input.attachmentIds?.length,
  );
}

function requireContent(content: MessageContent, attachmentIds: string[]) {
  if (Object.keys(content).length === 0 && attachmentIds.length === 0) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "content: give text in at least one of en, ar, tr, or attachmentIds, or a templateId",
    });
  }
}

/**
 * What the input names is looked up and checked in the transaction, then everything is written
 * by one statement (server/connect/insert-message.ts). A plain send (text to a conversation)
 * has nothing to look up and is that one statement alone.
 */
async function storeMessage(
  db: Db,
  caller: Caller,
  input: SendMessageInput,
  idempotency: Idempotency | null,
) {
  const { workspaceId } = caller;
  const base = {
    id: uuidv7(),
    workspaceId,
    conversationId: input.conversationId,
    parentId: input.parentId ?? null,
    flags: [...new Set(input.flags ?? [])],
    templateContext: input.templateContext,
    idempotencyKey: idempotency?.key ?? null,
    idempotencyHash: idempotency?.hash ?? null,
  };
  const internal = base.flags.includes(INTERNAL_FLAG);
  // Mentions are references only in internal notes: elsewhere `@[…]` is text the customer sees.
  const mentioned = internal && input.sender !== "customer" ? mentionedMemberIds(input.content ?? {}) : [];
  const write = async (
    on: Queryable,
    message: Omit<NewMessage, keyof typeof base | "internal" | "reopen" | "assignTo">,
  ) => {
    // A customer writing into a resolved or pending conversation opens it again.
    const reopen = message.senderType === "customer";
    // A member's reply from the inbox takes an unassigned conversation (the workspace's
    // autoAssignOnReply); an API key's send keeps its statement as it was.
    const assignTo =
      caller.via === "session" && message.senderType === "member" && !internal ? caller.memberId : null;
    const row = await insertMessage(on, { ...base, ...message, internal, reopen, assignTo });
    if (!row) throw notFound("conversationId", "conversation");
    if (row.claimedCount !== message.attachmentIds.length) {
      throw new TRPCError({
        code: "CONFLICT",
        message: "attachmentIds: an upload was attached by another send",
      });
    }
    const notified: CreatedNotification[] =
      row.notifiedMemberId && row.notificationId
        ? [{ id: row.notificationId, recipientId: row.notifiedMemberId }]
        : [];
    return {
      message: flatMessageOutput(row),
      webhookDeliveryIds: row.webhookDeliveryIds,
      notified,
      assigned: row.assigned === true,
    };
  };

  if (!needsLookups(input, mentioned)) {
    const content = presentContent(input.content);
    requireContent(content, []);
    const sender = await resolveSender(db.$pool, caller, input);
    const written = await write(db.$pool, {
      ...sender,
      content,
      templateId: null,
      channelId: null,
      attachmentIds: [],
      aiRun: null,
    });
    return { ...written, aiRunId: null };
  }

  return transaction(db, async (tx) => {
    const [conversation] = await sql<{ id: string; channelId: string | null }>(
      tx,
      `SELECT id, "channelId" FROM "Conversation" WHERE id = $1 AND "workspaceId" = $2`,
      [input.conversationId, workspaceId],
    );
    if (!conversation) throw notFound("conversationId", "conversation");
    const { templateId, content } = await loadTemplate(tx, workspaceId, input, presentContent(input.content));
    const attachmentIds = [...new Set(input.attachmentIds ?? [])];
    requireContent(content, attachmentIds);
    if (input.parentId) await checkParent(tx, workspaceId, conversation.id, input.parentId);
    // The conversation exists, so its channel may be archived: archiving refuses only new conversations.
    const channelId =
      (await findNamedChannel(tx, workspaceId, input, { archived: "accept" })) ?? conversation.channelId;
    const sender = await resolveSender(tx, caller, input);
    const ai = await resolveAi(tx, workspaceId, input, channelId);
    await checkAttachments(tx, workspaceId, attachmentIds);
    await checkMentions(tx, workspaceId, mentioned);
    const aiRun = ai ? { id: uuidv7(), ...ai, requestedByMemberId: caller.memberId } : null;
    const written = await write(tx, {
      ...sender,
      content,
      templateId,
      channelId,
      attachmentIds,
      aiRun,
    });
    const mentions = await createNotificationsOn(tx, {
      workspaceId,
      kind: "mention",
      actorId: sender.senderMemberId ?? caller.memberId,
      items: mentioned.map((recipientId) => ({
        recipientId,
        conversationId: conversation.id,
        messageId: written.message.id,
      })),
    });
    return { ...written, notified: [...written.notified, ...mentions], aiRunId: aiRun?.id ?? null };
  });
}

type Idempotency = { key: string; hash: string };

/** The message an earlier send under this key stored, if it was the same request. */
async function replayed(db: Db, workspaceId: string, idempotency: Idempotency) {
  const row = await readIdempotentMessage(db.$pool, workspaceId, idempotency.key);
  if (!row) return null;
  // As the IETF Idempotency-Key draft says: one key, one request. Answering a different body
  // with the first message would silently drop what the caller sent now.
  if (row.idempotencyHash !== null && row.idempotencyHash !== idempotency.hash) {
    throw new TRPCError({
      code: "UNPROCESSABLE_CONTENT",
      message: "Idempotency-Key: already used for a different request; send new content with a new key",
    });
  }
  return flatMessageOutput(row);
}

/**
 * Stores a message and everything it implies (customer, attachments, the conversation's
 * last message, an AI run) in one transaction; a retry with the same idempotency key
 * returns the message the first call stored.
 */
export async function sendMessage(
  db: Db,
  caller: Caller,
  input: SendMessageInput,
  idempotencyKey: string | null = null,
): Promise<MessageOutput> {
  const idempotency = idempotencyKey ? { key: idempotencyKey, hash: requestHash(input) } : null;
  if (idempotency) {
    const earlier = await replayed(db, caller.workspaceId, idempotency);
    if (earlier) return earlier;
  }
  try {
    const { message, aiRunId, webhookDeliveryIds, notified, assigned } = await storeMessage(
      db,
      caller,
      input,
      idempotency,
    );
    publishAfterCommit({
      type: "message.created",
      workspaceId: caller.workspaceId,
      conversationId: message.conversationId,
      messageId: message.id,
      aiRunId,
    });
    if (assigned) {
      publishAfterCommit({
        type: "conversation.updated",
        workspaceId: caller.workspaceId,
        conversationId: message.conversationId,
      });
    }
    // The run was stored queued with the message; its job goes out now that both are committed.
    if (aiRunId) dispatchRuns([aiRunId]);
    dispatchDeliveries(webhookDeliveryIds);
    publishNotifications(caller.workspaceId, notified);
    return message;
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (idempotency && constraint === IDEMPOTENCY_KEY) {
      const earlier = await replayed(db, caller.workspaceId, idempotency);
      if (earlier) return earlier;
    }
    throw customerConflict(constraint) ?? error;
  }
}
