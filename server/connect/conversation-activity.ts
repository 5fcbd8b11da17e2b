import type { MessageContent } from "@/server/connect/schemas";
import type { Prisma } from "@/server/db/generated/client";
import { type Queryable, sql, utc } from "@/server/db/sql";

type Activity = {
  workspaceId: string;
  conversationId: string;
  createdAt: Date;
  content: MessageContent;
  internal: boolean;
  reopen: boolean;
};

/**
 * Moves a conversation's last message time and preview to a message just stored in the same
 * transaction. GREATEST keeps the newest time when concurrent sends commit out of order; an
 * internal note never becomes the preview; `reopen` (a customer writing into a resolved
 * conversation) opens it again, as support teams expect. Locks the conversation's row until
 * the transaction ends, so callers run it last.
 */
function activityUpdate({ workspaceId, conversationId, createdAt, content, internal, reopen }: Activity) {
  return {
    text: `UPDATE "Conversation" SET
      "lastMessageAt" = GREATEST("lastMessageAt", $3::timestamp(3)),
      "lastMessagePreview" = CASE WHEN $4::boolean OR "lastMessageAt" > $3::timestamp(3)
        THEN "lastMessagePreview" ELSE $5::jsonb END,
      "status" = CASE WHEN $6::boolean AND "status" <> 'open'
        THEN 'open'::"ConversationStatus" ELSE "status" END,
      "updatedAt" = $7::timestamp(3)
    WHERE "id" = $1 AND "workspaceId" = $2`,
    values: [
      conversationId,
      workspaceId,
      utc(createdAt),
      internal,
      JSON.stringify(content),
      reopen,
      utc(new Date()),
    ],
  };
}

/** In a transaction on pg (the Connect API's send). */
export async function recordMessageActivity(tx: Queryable, activity: Activity): Promise<void> {
  const { text, values } = activityUpdate(activity);
  await sql(tx, text, values);
}

/** In an ORM transaction (an AI reply). */
export async function recordMessageActivityInOrm(tx: Prisma.TransactionClient, activity: Activity) {
  const { text, values } = activityUpdate(activity);
  await tx.$executeRawUnsafe(text, ...values);
}
