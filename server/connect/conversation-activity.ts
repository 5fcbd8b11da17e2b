import type { MessageContent } from "@/server/connect/schemas";
import type { Prisma } from "@/server/db/generated/client";

/**
 * Moves a conversation's last message time and preview to a message just stored in `tx`.
 * GREATEST keeps the newest time when concurrent sends commit out of order; an internal note
 * never becomes the preview; `reopen` (a customer writing into a resolved conversation)
 * opens it again, as support teams expect.
 */
export async function recordMessageActivity(
  tx: Prisma.TransactionClient,
  params: {
    workspaceId: string;
    conversationId: string;
    createdAt: Date;
    content: MessageContent;
    internal: boolean;
    reopen: boolean;
  },
): Promise<void> {
  const { workspaceId, conversationId, createdAt, content, internal, reopen } = params;
  await tx.$executeRaw`
    UPDATE "Conversation" SET
      "lastMessageAt" = GREATEST("lastMessageAt", ${createdAt}),
      "lastMessagePreview" = CASE WHEN ${internal} OR "lastMessageAt" > ${createdAt}
        THEN "lastMessagePreview" ELSE ${JSON.stringify(content)}::jsonb END,
      "status" = CASE WHEN ${reopen} AND "status" <> 'open'
        THEN 'open'::"ConversationStatus" ELSE "status" END,
      "updatedAt" = now()
    WHERE "id" = ${conversationId} AND "workspaceId" = ${workspaceId}`;
}
