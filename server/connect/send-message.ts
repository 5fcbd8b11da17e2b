import { createHash } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { dispatchRuns } from "@/server/ai/dispatch";
import type { Caller } from "@/server/auth/caller";
import { recordMessageActivity } from "@/server/connect/conversation-activity";
import { upsertCustomer } from "@/server/connect/customers";
import { LOCALES } from "@/server/connect/locales";
import { messageSelect, toMessageOutput } from "@/server/connect/message-select";
import type { MessageContent, MessageOutput, SendMessageInput } from "@/server/connect/schemas";
import { mergeTemplate } from "@/server/connect/templates";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { publishAfterCommit } from "@/server/events/publish";

type Tx = Prisma.TransactionClient;

export const INTERNAL_FLAG = "internal";

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

async function resolveChannel(tx: Tx, workspaceId: string, input: SendMessageInput, fallback: string | null) {
  if (input.channelId) {
    const channel = await tx.channel.findFirst({
      where: { id: input.channelId, workspaceId },
      select: { id: true, identifier: true },
    });
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
    const channel = await tx.channel.findUnique({
      where: { workspaceId_identifier: { workspaceId, identifier: input.channelIdentifier } },
      select: { id: true },
    });
    if (!channel) throw notFound("channelIdentifier", "channel");
    return channel.id;
  }
  return fallback;
}

async function resolveSender(
  tx: Tx,
  caller: Caller,
  input: SendMessageInput,
  conversationCustomerId: string,
) {
  if (input.sender !== "customer") {
    if (input.customerId || input.customer) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: 'sender: set sender to "customer" to send as a customer',
      });
    }
    return { senderType: "member" as const, senderMemberId: caller.memberId };
  }
  if (input.customerId) {
    const customer = await tx.customer.findFirst({
      where: { id: input.customerId, workspaceId: caller.workspaceId },
      select: { id: true },
    });
    if (!customer) throw notFound("customerId", "customer");
    return { senderType: "customer" as const, senderCustomerId: customer.id };
  }
  if (input.customer) {
    return {
      senderType: "customer" as const,
      senderCustomerId: await upsertCustomer(tx, caller.workspaceId, input.customer),
    };
  }
  return { senderType: "customer" as const, senderCustomerId: conversationCustomerId };
}

async function claimAttachments(tx: Tx, workspaceId: string, messageId: string, ids: string[]) {
  if (ids.length === 0) return;
  const found = await tx.attachment.findMany({
    where: { id: { in: ids }, workspaceId },
    select: { id: true, messageId: true },
  });
  for (const id of ids) {
    const attachment = found.find((a) => a.id === id);
    if (!attachment) throw notFound(`attachmentIds[${ids.indexOf(id)}]`, "upload");
    if (attachment.messageId) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `attachmentIds[${ids.indexOf(id)}]: this upload is already on another message`,
      });
    }
  }
  // The messageId: null guard makes two concurrent sends of one upload fail one of them.
  const claimed = await tx.attachment.updateMany({
    where: { id: { in: ids }, workspaceId, messageId: null },
    data: { messageId },
  });
  if (claimed.count !== ids.length) {
    throw new TRPCError({
      code: "CONFLICT",
      message: "attachmentIds: an upload was attached by another send",
    });
  }
}

async function storeMessage(
  db: Db,
  caller: Caller,
  input: SendMessageInput,
  idempotency: Idempotency | null,
) {
  const { workspaceId } = caller;
  return db.$transaction(async (tx) => {
    const conversation = await tx.conversation.findFirst({
      where: { id: input.conversationId, workspaceId },
      select: { id: true, customerId: true, channelId: true },
    });
    if (!conversation) throw notFound("conversationId", "conversation");

    let content = presentContent(input.content);
    let templateId: string | null = null;
    if (input.templateId) {
      const template = await tx.template.findFirst({
        where: { id: input.templateId, workspaceId },
        select: { id: true, content: true },
      });
      if (!template) throw notFound("templateId", "template");
      templateId = template.id;
      content = mergeTemplate(template.content, input.templateContext, content);
    }
    const attachmentIds = [...new Set(input.attachmentIds ?? [])];
    if (Object.keys(content).length === 0 && attachmentIds.length === 0) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: "content: give text in at least one of en, ar, tr, or attachmentIds, or a templateId",
      });
    }

    if (input.parentId) {
      const parent = await tx.message.findFirst({
        where: { id: input.parentId, workspaceId },
        select: { conversationId: true },
      });
      if (!parent) throw notFound("parentId", "message");
      if (parent.conversationId !== conversation.id) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "parentId: must be a message of this conversation",
        });
      }
    }

    const channelId = await resolveChannel(tx, workspaceId, input, conversation.channelId);
    const sender = await resolveSender(tx, caller, input, conversation.customerId);
    const flags = [...new Set(input.flags ?? [])];

    let agentId: string | null = null;
    let aiChannelId: string | null = null;
    if (input.ai) {
      const agent = await tx.aiAgent.findFirst({
        where: { id: input.ai.agentId, workspaceId },
        select: { id: true },
      });
      if (!agent) throw notFound("ai.agentId", "AI agent");
      agentId = agent.id;
      aiChannelId = input.ai.channelId
        ? await resolveChannel(
            tx,
            workspaceId,
            { ...input, channelId: input.ai.channelId, channelIdentifier: null },
            null,
          )
        : channelId;
    }

    const message = await tx.message.create({
      data: {
        workspaceId,
        conversationId: conversation.id,
        content: content as Prisma.InputJsonObject,
        ...sender,
        parentId: input.parentId ?? null,
        flags,
        templateId,
        ...(templateId && input.templateContext !== undefined
          ? { templateContext: input.templateContext as Prisma.InputJsonValue }
          : {}),
        channelId,
        idempotencyKey: idempotency?.key ?? null,
        idempotencyHash: idempotency?.hash ?? null,
      },
      select: { id: true, createdAt: true },
    });
    await claimAttachments(tx, workspaceId, message.id, attachmentIds);

    let aiRunId: string | null = null;
    if (agentId) {
      const run = await tx.aiRun.create({
        data: {
          workspaceId,
          agentId,
          conversationId: conversation.id,
          triggerMessageId: message.id,
          channelId: aiChannelId,
          requestedByMemberId: caller.memberId,
        },
        select: { id: true },
      });
      aiRunId = run.id;
    }
    const stored = await tx.message.findUniqueOrThrow({ where: { id: message.id }, select: messageSelect });
    // Last, just before COMMIT: this UPDATE locks the conversation's row, and every other send
    // into the conversation waits for that lock until this transaction ends.
    await recordMessageActivity(tx, {
      workspaceId,
      conversationId: conversation.id,
      createdAt: message.createdAt,
      content,
      internal: flags.includes(INTERNAL_FLAG),
      reopen: sender.senderType === "customer",
    });
    return { message: toMessageOutput(stored), aiRunId };
  });
}

function isUniqueViolation(error: unknown, field: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  return JSON.stringify(error.meta ?? {}).includes(field);
}

type Idempotency = { key: string; hash: string };

/** The message an earlier send under this key stored, if it was the same request. */
async function replayed(db: Db, workspaceId: string, idempotency: Idempotency) {
  const row = await db.message.findUnique({
    where: { workspaceId_idempotencyKey: { workspaceId, idempotencyKey: idempotency.key } },
    select: { ...messageSelect, idempotencyHash: true },
  });
  if (!row) return null;
  // As the IETF Idempotency-Key draft says: one key, one request. Answering a different body
  // with the first message would silently drop what the caller sent now.
  if (row.idempotencyHash !== null && row.idempotencyHash !== idempotency.hash) {
    throw new TRPCError({
      code: "UNPROCESSABLE_CONTENT",
      message: "Idempotency-Key: already used for a different request; send new content with a new key",
    });
  }
  return toMessageOutput(row);
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
    if (idempotency && isUniqueViolation(error, "idempotencyKey")) {
      const earlier = await replayed(db, caller.workspaceId, idempotency);
      if (earlier) return earlier;
    }
    if (isUniqueViolation(error, "email")) {
      throw new TRPCError({
        code: "CONFLICT",
        message: "customer.email: belongs to another customer of this workspace",
      });
    }
    if (isUniqueViolation(error, "externalId")) {
      throw new TRPCError({
        code: "CONFLICT",
        message: "customer.externalId: belongs to another customer of this workspace",
      });
    }
    throw error;
  }
}
