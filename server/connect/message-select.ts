import type { MessageContent, MessageOutput } from "@/server/connect/schemas";
import type { Prisma } from "@/server/db/generated/client";

export const messageSelect = {
  id: true,
  conversationId: true,
  content: true,
  senderType: true,
  senderMemberId: true,
  senderCustomerId: true,
  senderAgentId: true,
  parentId: true,
  flags: true,
  channelId: true,
  templateId: true,
  createdAt: true,
  senderMember: { select: { user: { select: { name: true, image: true } } } },
  senderCustomer: { select: { name: true, image: true } },
  senderAgent: { select: { name: true } },
  attachments: {
    select: { id: true, fileName: true, mimeType: true, size: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.MessageSelect;

export type MessageRow = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;

export function attachmentUrl(id: string): string {
  return `/api/attachments/${id}`;
}

/** A message with its sender's display fields flattened, as the page SQL returns it. */
export type FlatMessageRow = Omit<MessageRow, "senderMember" | "senderCustomer" | "senderAgent"> & {
  memberName: string | null;
  memberImage: string | null;
  customerName: string | null;
  customerImage: string | null;
  agentName: string | null;
};

function senderOf(row: FlatMessageRow): MessageOutput["sender"] {
  switch (row.senderType) {
    case "member":
      return { type: "member", id: row.senderMemberId, name: row.memberName, image: row.memberImage };
    case "customer":
      return { type: "customer", id: row.senderCustomerId, name: row.customerName, image: row.customerImage };
    case "ai":
      return { type: "ai", id: row.senderAgentId, name: row.agentName, image: null };
    case "system":
      return { type: "system", id: null, name: null, image: null };
  }
}

export function flatMessageOutput(row: FlatMessageRow): MessageOutput {
  return {
    id: row.id,
    conversationId: row.conversationId,
    content: (row.content ?? {}) as MessageContent,
    attachments: row.attachments.map((a) => ({ ...a, url: attachmentUrl(a.id) })),
    sender: senderOf(row),
    parentId: row.parentId,
    flags: row.flags,
    channelId: row.channelId,
    templateId: row.templateId,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toMessageOutput(row: MessageRow): MessageOutput {
  const { senderMember, senderCustomer, senderAgent, ...message } = row;
  return flatMessageOutput({
    ...message,
    memberName: senderMember?.user.name ?? null,
    memberImage: senderMember?.user.image ?? null,
    customerName: senderCustomer?.name ?? null,
    customerImage: senderCustomer?.image ?? null,
    agentName: senderAgent?.name ?? null,
  });
}
