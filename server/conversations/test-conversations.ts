// Test data for the conversation tests: rows written directly, with the times a test needs.
import { randomBytes } from "node:crypto";
import type { MessageContent } from "@/server/connect/schemas";
import type { ConversationStatus } from "@/server/conversations/schemas";
import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";

export type SeedConversation = {
  customerName?: string;
  customerEmail?: string;
  subject?: string;
  status?: ConversationStatus;
  assigneeId?: string | null;
  channelId?: string | null;
  lastMessageAt?: Date;
  /** Stored as customer messages, in order; the last one is the list preview. */
  messages?: MessageContent[];
};

export async function seedChannel(
  workspaceId: string,
  identifier = `site-${randomBytes(4).toString("hex")}`,
) {
  return db().channel.create({
    data: { workspaceId, kind: "website", name: `Website ${identifier}`, identifier },
    select: { id: true, identifier: true },
  });
}

export async function seedConversation(workspaceId: string, seed: SeedConversation = {}) {
  const suffix = randomBytes(5).toString("hex");
  const customer = await db().customer.create({
    data: {
      workspaceId,
      name: seed.customerName ?? `Customer ${suffix}`,
      email: seed.customerEmail ?? `customer-${suffix}@example.com`,
    },
    select: { id: true },
  });
  const messages = seed.messages ?? [];
  const conversation = await db().conversation.create({
    data: {
      workspaceId,
      customerId: customer.id,
      channelId: seed.channelId ?? null,
      assigneeId: seed.assigneeId ?? null,
      status: seed.status ?? "open",
      subject: seed.subject ?? null,
      ...(seed.lastMessageAt ? { lastMessageAt: seed.lastMessageAt } : {}),
      ...(messages.length > 0 ? { lastMessagePreview: messages.at(-1) as Prisma.InputJsonObject } : {}),
    },
    select: { id: true, lastMessageAt: true },
  });
  for (const content of messages) {
    await db().message.create({
      data: {
        workspaceId,
        conversationId: conversation.id,
        content: content as Prisma.InputJsonObject,
        senderType: "customer",
        senderCustomerId: customer.id,
      },
      select: { id: true },
    });
  }
  // The seeded messages are the customer's: the conversation is unread as after a customer's send.
  if (messages.length > 0) {
    await db().conversation.update({
      where: { id: conversation.id },
      data: { lastCustomerMessageAt: conversation.lastMessageAt },
      select: { id: true },
    });
  }
  return {
    conversationId: conversation.id,
    customerId: customer.id,
    lastMessageAt: conversation.lastMessageAt,
  };
}
