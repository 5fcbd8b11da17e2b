import type { MessageContent } from "@/server/connect/schemas";
import type { Prisma } from "@/server/db/generated/client";
import { utc } from "@/server/db/sql";

type Activity = {
  workspaceId: string;
  conversationId: string;
  createdAt: Date;
  content: MessageContent;
  internal: boolean;
  reopen: boolean;
};

type Placeholders = Record<"createdAt" | "internal" | "content" | "reopen" | "now", string> & {
  /** A condition: the customer wrote the message (it makes the conversation unread). */
  fromCustomer?: string;
};

/**
 * Moves a conversation's last message time and preview to a message just stored in the same
 * transaction. GREATEST keeps the newest time when concurrent sends commit out of order; an
 * internal note never becomes the preview; `reopen` (a customer writing into a resolved, pending
 * or snoozed conversation) opens it again at once, as support teams expect; a customer's message moves
 * "lastCustomerMessageAt", which is what makes a conversation unread for members (a colleague's
 * reply or note does not). Locks the conversation's row until
 * the transaction ends, so callers run it last.
 *
 * The SET list of that UPDATE over the parameters `p` names: it runs on its own (an AI reply)
 * or inside a send's one statement (server/connect/insert-message.ts).
 */
export function activityAssignments(p: Placeholders): string {
  return `"lastMessageAt" = GREATEST("lastMessageAt", ${p.createdAt}::timestamp(3)),
      "lastMessagePreview" = CASE WHEN ${p.internal}::boolean OR "lastMessageAt" > ${p.createdAt}::timestamp(3)
        THEN "lastMessagePreview" ELSE ${p.content}::jsonb END,
      "status" = CASE WHEN ${p.reopen}::boolean AND "status" <> 'open'
        THEN 'open'::"ConversationStatus" ELSE "status" END,
      "snoozedUntil" = CASE WHEN ${p.reopen}::boolean THEN NULL ELSE "snoozedUntil" END,
      "lastCustomerMessageAt" = CASE WHEN ${p.fromCustomer ?? "false"}
        THEN GREATEST("lastCustomerMessageAt", ${p.createdAt}::timestamp(3)) ELSE "lastCustomerMessageAt" END,
      "updatedAt" = ${p.now}::timestamp(3)`;
}

function activityUpdate({ workspaceId, conversationId, createdAt, content, internal, reopen }: Activity) {
  return {
    text: `UPDATE "Conversation" SET ${activityAssignments({
      createdAt: "$3",
      internal: "$4",
      content: "$5",
      reopen: "$6",
      now: "$7",
    })}
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

/** In an ORM transaction (an AI reply). */
export async function recordMessageActivity(tx: Prisma.TransactionClient, activity: Activity) {
  const { text, values } = activityUpdate(activity);
  await tx.$executeRawUnsafe(text, ...values);
}
