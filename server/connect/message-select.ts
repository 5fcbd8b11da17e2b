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

function senderOf(row: MessageRow): MessageOutput["sender"] {
  switch (row.senderType) {
    case "member":
      return {
        type: "member",
        id: row.senderMemberId,
        name: row.senderMember?.user.name ?? null,
        image: row.senderMember?.user.image ?? null,
      };
    case "customer":
      return {
        type: "customer",
        id: row.senderCustomerId,
        name: row.senderCustomer?.name ?? null,
        image: row.senderCustomer?.image ?? null,
      };
    case "ai":
      return { type: "ai", id: row.senderAgentId, name: row.senderAgent?.name ?? null, image: null };
    case "system":
      return { type: "system", id: null, name: null, image: null };
  }
}

export function toMessageOutput(row: MessageRow): MessageOutput {
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
