import { createHash } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { v7 as uuidv7 } from "uuid";
import { dispatchRuns } from "@/server/ai/dispatch";
import type { Caller } from "@/server/auth/caller";
import { customerConflict, upsertCustomer } from "@/server/connect/customers";
import { insertMessage, type NewMessage } from "@/server/connect/insert-message";
import { LOCALES } from "@/server/connect/locales";
import { readMessage } from "@/server/connect/message-rows";
import { flatMessageOutput } from "@/server/connect/message-select";
import type { MessageContent, MessageOutput, SendMessageInput } from "@/server/connect/schemas";
import { mergeTemplate } from "@/server/connect/templates";
import type { Db } from "@/server/db/client";
import { type Queryable, sql, transaction, uniqueViolation } from "@/server/db/sql";
import { publishAfterCommit } from "@/server/events/publish";

export const INTERNAL_FLAG = "internal";
const IDEMPOTENCY_KEY = "Message_workspaceId_idempotencyKey_key";

function notFound(field: string, what: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `${field}: no such ${what}` });
}

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

type Channel = { id: string; identifier: string };

async function resolveChannel(
  tx: Queryable,
  workspaceId: string,
  input: SendMessageInput,
  fallback: string | null,
) {
  if (input.channelId) {
    const [channel] = await sql<Channel>(
      tx,
      `SELECT id, identifier FROM "Channel" WHERE id = $1 AND "workspaceId" = $2`,
      [input.channelId, workspaceId],
    );
    if (!channel) throw notFound("channelId", "channel");
    if (input.channelIdentifier && input.channelIdentifier !== channel.identifier) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: "channelIdentifier: names a different channel than channelId",
      });
    }
    return channel.id;
  }
  if (input.channelIdentifier) {
    const [channel] = await sql<Channel>(
      tx,
      `SELECT id, identifier FROM "Channel" WHERE identifier = $1 AND "workspaceId" = $2`,
      [input.channelIdentifier, workspaceId],
    );
    if (!channel) throw notFound("channelIdentifier", "channel");
    return channel.id;
  }
  return fallback;
}

/** The id of a row of `table` in the workspace, or null. */
async function idInWorkspace(tx: Queryable, table: "Customer" | "AiAgent", id: string, workspaceId: string) {
  const [row] = await sql<{ id: string }>(
    tx,
    `SELECT id FROM "${table}" WHERE id = $1 AND "workspaceId" = $2`,
    [id, workspaceId],
  );
  return row?.id ?? null;
}

type Sender =
  | { senderType: "member"; senderMemberId: string; senderCustomerId: null }
  // senderCustomerId null: the conversation's own customer (the write fills it in).
  | { senderType: "customer"; senderMemberId: null; senderCustomerId: string | null };

async function resolveSender(tx: Queryable, caller: Caller, input: SendMessageInput): Promise<Sender> {
  const asCustomer = (id: string | null): Sender => ({
    senderType: "customer",
    senderMemberId: null,
    senderCustomerId: id,
  });
  if (input.sender !== "customer") {
    if (input.customerId || input.customer) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: 'sender: set sender to "customer" to send as a customer',
      });
    }
    return { senderType: "member", senderMemberId: caller.memberId, senderCustomerId: null };
  }
  if (input.customerId) {
    const id = await idInWorkspace(tx, "Customer", input.customerId, caller.workspaceId);
    if (!id) throw notFound("customerId", "customer");
    return asCustomer(id);
  }
  if (input.customer) return asCustomer(await upsertCustomer(tx, caller.workspaceId, input.customer));
  return asCustomer(null);
}

/** Each upload must be this workspace's and free; the write claims them, failing if one was just taken. */
async function checkAttachments(tx: Queryable, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return;
  const found = await sql<{ id: string; messageId: string | null }>(
    tx,
    `SELECT id, "messageId" FROM "Attachment" WHERE id = ANY($1::text[]) AND "workspaceId" = $2`,
    [ids, workspaceId],
  );
  for (const [index, id] of ids.entries()) {
    const attachment = found.find((a) => a.id === id);
    if (!attachment) throw notFound(`attachmentIds[${index}]`, "upload");
    if (attachment.messageId) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `attachmentIds[${index}]: this upload is already on another message`,
      });
    }
  }
}

async function loadTemplate(
  tx: Queryable,
  workspaceId: string,
  input: SendMessageInput,
  content: MessageContent,
) {
  if (!input.templateId) return { templateId: null, content };
  const [template] = await sql<{ id: string; content: unknown }>(
    tx,
    `SELECT id, content FROM "Template" WHERE id = $1 AND "workspaceId" = $2`,
    [input.templateId, workspaceId],
  );
  if (!template) throw notFound("templateId", "template");
  return {
    templateId: template.id,
    content: mergeTemplate(template.content, input.templateContext, content),
  };
}

async function checkParent(tx: Queryable, workspaceId: string, conversationId: string, parentId: string) {
  const [parent] = await sql<{ conversationId: string }>(
    tx,
    `SELECT "conversationId" FROM "Message" WHERE id = $1 AND "workspaceId" = $2`,
    [parentId, workspaceId],
  );
  if (!parent) throw notFound("parentId", "message");
  if (parent.conversationId !== conversationId) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "parentId: must be a message of this conversation",
    });
  }
}

/** The agent asked to answer and the channel it answers on. */
async function resolveAi(
  tx: Queryable,
  workspaceId: string,
  input: SendMessageInput,
  channelId: string | null,
) {
  if (!input.ai) return null;
  const agentId = await idInWorkspace(tx, "AiAgent", input.ai.agentId, workspaceId);
  if (!agentId) throw notFound("ai.agentId", "AI agent");
  const aiChannelId = input.ai.channelId
    ? await resolveChannel(
        tx,
        workspaceId,
        { ...input, channelId: input.ai.channelId, channelIdentifier: null },
        null,
      )
    : channelId;
  return { agentId, channelId: aiChannelId };
}

/** A send that names nothing to look up first: no template, parent, channel, customer, upload or AI agent. */
function needsLookups(input: SendMessageInput): boolean {
  return Boolean(
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
    createdAt: new Date(),
  };
  const internal = base.flags.includes(INTERNAL_FLAG);
  const write = async (on: Queryable, message: Omit<NewMessage, keyof typeof base | "internal">) => {
    const row = await insertMessage(on, { ...base, ...message, internal });
    if (!row) throw notFound("conversationId", "conversation");
    if (row.claimedCount !== message.attachmentIds.length) {
      throw new TRPCError({
        code: "CONFLICT",
        message: "attachmentIds: an upload was attached by another send",
      });
    }
    return flatMessageOutput(row);
  };

  if (!needsLookups(input)) {
    const content = presentContent(input.content);
    requireContent(content, []);
    const sender = await resolveSender(db.$pool, caller, input);
    const message = await write(db.$pool, {
      ...sender,
      content,
      templateId: null,
      channelId: null,
      attachmentIds: [],
      aiRun: null,
      reopen: sender.senderType === "customer",
    });
    return { message, aiRunId: null };
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
    const channelId = await resolveChannel(tx, workspaceId, input, conversation.channelId);
    const sender = await resolveSender(tx, caller, input);
    const ai = await resolveAi(tx, workspaceId, input, channelId);
    await checkAttachments(tx, workspaceId, attachmentIds);
    const aiRun = ai ? { id: uuidv7(), ...ai, requestedByMemberId: caller.memberId } : null;
    const message = await write(tx, {
      ...sender,
      content,
      templateId,
      channelId,
      attachmentIds,
      aiRun,
      reopen: sender.senderType === "customer",
    });
    return { message, aiRunId: aiRun?.id ?? null };
  });
}

type Idempotency = { key: string; hash: string };

/** The message an earlier send under this key stored, if it was the same request. */
async function replayed(db: Db, workspaceId: string, idempotency: Idempotency) {
  const row = await readMessage(db.$pool, workspaceId, { idempotencyKey: idempotency.key });
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
    const { message, aiRunId } = await storeMessage(db, caller, input, idempotency);
    publishAfterCommit({
      type: "message.created",
      workspaceId: caller.workspaceId,
      conversationId: message.conversationId,
      messageId: message.id,
      aiRunId,
    });
    // The run was stored queued with the message; its job goes out now that both are committed.
    if (aiRunId) dispatchRuns([aiRunId]);
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
