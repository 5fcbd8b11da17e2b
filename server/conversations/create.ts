import { TRPCError } from "@trpc/server";
import type { Caller } from "@/server/auth/caller";
import { upsertCustomer } from "@/server/connect/customers";
import type { ConversationOutput, CreateConversationInput } from "@/server/conversations/schemas";
import { conversationSelect, toConversationOutput } from "@/server/conversations/select";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { publishAfterCommit } from "@/server/events/publish";

type Tx = Prisma.TransactionClient;

function notFound(field: string, what: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `${field}: no such ${what}` });
}

async function resolveCustomer(tx: Tx, workspaceId: string, input: CreateConversationInput) {
  if (input.customer) return upsertCustomer(tx, workspaceId, input.customer);
  const customer = await tx.customer.findFirst({
    where: { id: input.customerId ?? "", workspaceId },
    select: { id: true },
  });
  if (!customer) throw notFound("customerId", "customer");
  return customer.id;
}

async function resolveChannel(tx: Tx, workspaceId: string, input: CreateConversationInput) {
  if (!input.channelId && !input.channelIdentifier) return null;
  const channel = await tx.channel.findFirst({
    where: {
      workspaceId,
      ...(input.channelId ? { id: input.channelId } : {}),
      ...(input.channelIdentifier ? { identifier: input.channelIdentifier } : {}),
    },
    select: { id: true },
  });
  if (!channel) throw notFound(input.channelId ? "channelId" : "channelIdentifier", "channel");
  return channel.id;
}

function conflictOn(error: unknown): string | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const target = JSON.stringify(error.meta ?? {});
  return ["email", "externalId"].find((field) => target.includes(field)) ?? null;
}

/** Opens a conversation with a customer, found or created from what the caller knows of them. */
export async function createConversation(
  db: Db,
  caller: Caller,
  input: CreateConversationInput,
): Promise<ConversationOutput> {
  const { workspaceId } = caller;
  try {
    const row = await db.$transaction(async (tx) => {
      const customerId = await resolveCustomer(tx, workspaceId, input);
      const channelId = await resolveChannel(tx, workspaceId, input);
      return tx.conversation.create({
        data: { workspaceId, customerId, channelId, subject: input.subject || null },
        select: conversationSelect,
      });
    });
    publishAfterCommit({ type: "conversation.updated", workspaceId, conversationId: row.id });
    return toConversationOutput(row);
  } catch (error) {
    const field = conflictOn(error);
    if (field) {
      throw new TRPCError({
        code: "CONFLICT",
        message: `customer.${field}: belongs to another customer of this workspace`,
      });
    }
    throw error;
  }
}
