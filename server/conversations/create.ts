import { v7 as uuidv7 } from "uuid";
import type { Caller } from "@/server/auth/caller";
import { customerConflict, upsertCustomer } from "@/server/connect/customers";
import type { ConversationOutput, CreateConversationInput } from "@/server/conversations/schemas";
import { conversationSelect, toConversationOutput } from "@/server/conversations/select";
import type { Db } from "@/server/db/client";
import { type Queryable, sql, transaction, uniqueViolation, utc } from "@/server/db/sql";
import { publishAfterCommit } from "@/server/events/publish";
import { notFound } from "@/server/trpc/errors";
import { dispatchDeliveries } from "@/server/webhooks/dispatch";
import { recordWebhookEvent } from "@/server/webhooks/outbox";
import { findNamedChannel } from "@/server/workspace/channels";

async function resolveCustomer(tx: Queryable, workspaceId: string, input: CreateConversationInput) {
  if (input.customer) return upsertCustomer(tx, workspaceId, input.customer);
  const [customer] = await sql<{ id: string }>(
    tx,
    `SELECT id FROM "Customer" WHERE id = $1 AND "workspaceId" = $2`,
    [input.customerId ?? "", workspaceId],
  );
  if (!customer) throw notFound("customerId", "customer");
  return customer.id;
}

/** Opens a conversation with a customer, found or created from what the caller knows of them. */
export async function createConversation(
  db: Db,
  caller: Caller,
  input: CreateConversationInput,
): Promise<ConversationOutput> {
  const { workspaceId } = caller;
  try {
    // The customer is upserted with the same SQL as the Connect API's send (server/connect/customers.ts).
    const { id, deliveryIds } = await transaction(db, async (tx) => {
      const customerId = await resolveCustomer(tx, workspaceId, input);
      const channelId = await findNamedChannel(tx, workspaceId, input);
      const now = utc(new Date());
      const [row] = await sql<{ id: string }>(
        tx,
        `INSERT INTO "Conversation" (id, "workspaceId", "customerId", "channelId", subject, "lastMessageAt",
           "createdAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6::timestamp(3), $6::timestamp(3), $6::timestamp(3)) RETURNING id`,
        [uuidv7(), workspaceId, customerId, channelId, input.subject || null, now],
      );
      if (!row) throw new Error("INSERT … RETURNING returned no row");
      // The payload is the conversation as created, read when the delivery is first sent.
      const deliveryIds = await recordWebhookEvent(tx, {
        workspaceId,
        type: "conversation.created",
        subjectId: row.id,
      });
      return { id: row.id, deliveryIds };
    });
    publishAfterCommit({ type: "conversation.updated", workspaceId, conversationId: id });
    dispatchDeliveries(deliveryIds);
    const row = await db.conversation.findUniqueOrThrow({ where: { id }, select: conversationSelect });
    return toConversationOutput(row);
  } catch (error) {
    throw customerConflict(uniqueViolation(error)) ?? error;
  }
}
