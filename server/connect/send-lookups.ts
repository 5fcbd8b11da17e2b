// What a send's input names, looked up and checked inside its transaction before the write:
// each is NOT_FOUND when it is not in the caller's workspace, exactly as when it does not exist.
import { TRPCError } from "@trpc/server";
import type { Caller } from "@/server/auth/caller";
import { upsertCustomer } from "@/server/connect/customers";
import type { MessageContent, SendMessageInput } from "@/server/connect/schemas";
import { mergeTemplate } from "@/server/connect/templates";
import { type Queryable, sql } from "@/server/db/sql";
import { notFound } from "@/server/trpc/errors";
import { findNamedChannel } from "@/server/workspace/channels";

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

export async function resolveSender(tx: Queryable, caller: Caller, input: SendMessageInput): Promise<Sender> {
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
export async function checkAttachments(tx: Queryable, workspaceId: string, ids: string[]) {
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

export async function loadTemplate(
  tx: Queryable,
  workspaceId: string,
  input: SendMessageInput,
  content: MessageContent,
) {
  if (!input.templateId) return { templateId: null, content };
  const [template] = await sql<{ id: string; content: unknown }>(
    tx,
    // A deleted template is refused exactly like an unknown one.
    `SELECT id, content FROM "Template" WHERE id = $1 AND "workspaceId" = $2 AND "deletedAt" IS NULL`,
    [input.templateId, workspaceId],
  );
  if (!template) throw notFound("templateId", "template");
  return {
    templateId: template.id,
    content: mergeTemplate(template.content, input.templateContext, content),
  };
}

export async function checkParent(
  tx: Queryable,
  workspaceId: string,
  conversationId: string,
  parentId: string,
) {
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
export async function resolveAi(
  tx: Queryable,
  workspaceId: string,
  input: SendMessageInput,
  channelId: string | null,
) {
  if (!input.ai) return null;
  const agentId = await idInWorkspace(tx, "AiAgent", input.ai.agentId, workspaceId);
  if (!agentId) throw notFound("ai.agentId", "AI agent");
  const aiChannelId = input.ai.channelId
    ? await findNamedChannel(
        tx,
        workspaceId,
        { channelId: input.ai.channelId },
        { path: "ai.", archived: "accept" },
      )
    : channelId;
  return { agentId, channelId: aiChannelId };
}
