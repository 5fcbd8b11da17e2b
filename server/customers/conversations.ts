import type { Caller } from "@/server/auth/caller";
import { CustomerConversationsInput, type CustomerConversationsOutput } from "@/server/customers/schemas";
import { customerConversationSelect, toCustomerConversationItem } from "@/server/customers/select";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { decodeSeekCursor, encodeSeekCursor } from "@/server/db/keyset";
import { notFound } from "@/server/trpc/errors";

/** Conversations after a cursor in (lastMessageAt, id) descending order, the inbox's order. */
function afterCursor(cursor: string): Prisma.ConversationWhereInput {
  const { at, id } = decodeSeekCursor(cursor);
  const lastMessageAt = new Date(at);
  return {
    lastMessageAt: { lte: lastMessageAt },
    OR: [{ lastMessageAt: { lt: lastMessageAt } }, { id: { lt: id } }],
  };
}

/**
 * One page of a customer's conversations, newest activity first: a keyset seek on the
 * (workspaceId, customerId, lastMessageAt, id) index, so the first page of a customer with
 * thousands of conversations reads only that page.
 */
export async function listCustomerConversations(
  db: Db,
  caller: Caller,
  params: CustomerConversationsInput,
): Promise<CustomerConversationsOutput> {
  const { customerId, exceptConversationId, limit, cursor } = CustomerConversationsInput.parse(params);
  const [customer, rows] = await Promise.all([
    db.customer.findFirst({
      where: { id: customerId, workspaceId: caller.workspaceId },
      select: { id: true },
    }),
    db.conversation.findMany({
      where: {
        workspaceId: caller.workspaceId,
        customerId,
        ...(exceptConversationId ? { id: { not: exceptConversationId } } : {}),
        ...(cursor ? afterCursor(cursor) : {}),
      },
      select: customerConversationSelect,
      orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
      take: limit + 1,
    }),
  ]);
  if (!customer) throw notFound("customerId", "customer");
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(toCustomerConversationItem),
    nextCursor:
      rows.length > limit && last ? encodeSeekCursor(last.lastMessageAt.toISOString(), last.id) : null,
  };
}
