import { v7 as uuidv7 } from "uuid";
import type { Prisma } from "@/server/db/generated/client";
import { type Queryable, sql } from "@/server/db/sql";
import type { WebhookEventType } from "@/server/webhooks/schemas";

type Placeholders = Record<
  "workspaceId" | "messageId" | "eventType" | "subjectId" | "data" | "at",
  string
> & {
  /** What changed, for a payload read when first sent (jsonb). */
  changes?: string;
};

/** A new event's webhook-id: one per event, sent to every endpoint and on every retry. */
export function newWebhookMessageId(): string {
  return `msg_${uuidv7().replaceAll("-", "")}`;
}

/**
 * The outbox write, in SQL over the placeholders `p` names: one pending delivery per enabled
 * endpoint of the workspace subscribed to the event type, none when there is none. Runs in the
 * change's own transaction (or statement: the send's CTEs), so a committed change always has
 * its deliveries, and a rolled-back one never. `from` adds row sources the placeholders use,
 * `when` a condition on them.
 */
export function webhookOutboxInsert(p: Placeholders, { from = "", when = "true" } = {}): string {
  return `INSERT INTO "WebhookDelivery" (id, "workspaceId", "endpointId", "messageId", "eventType", "subjectId",
      data, changes, "createdAt", "nextAttemptAt")
    SELECT uuid_v7()::text, e."workspaceId", e.id, ${p.messageId}, ${p.eventType}, ${p.subjectId}, ${p.data},
      ${p.changes ?? "NULL"}, ${p.at}, ${p.at}
    FROM ${from ? `${from}, ` : ""}"WebhookEndpoint" e
    WHERE e."workspaceId" = ${p.workspaceId} AND e.enabled AND ${p.eventType} = ANY(e.events) AND ${when}
    RETURNING id`;
}

export type WebhookEvent = {
  workspaceId: string;
  type: WebhookEventType;
  /** The message, conversation or run the event is about. */
  subjectId: string;
  /**
   * The payload's `data`, as it is at the change; omitted, it is read when first sent (the
   * object as created: a new message or conversation).
   */
  data?: unknown;
};

const EVENT_INSERT = webhookOutboxInsert({
  workspaceId: "$1",
  messageId: "$2",
  eventType: "$3",
  subjectId: "$4",
  data: "$5::text",
  at: "(clock_timestamp() AT TIME ZONE 'UTC')::timestamp(3)",
});

/**
 * Writes an event's deliveries inside the change's transaction, on either kind of transaction
 * the code base uses; returns their ids, to dispatch once the transaction commits.
 */
export async function recordWebhookEvent(
  tx: Queryable | Prisma.TransactionClient,
  event: WebhookEvent,
): Promise<string[]> {
  const values = [
    event.workspaceId,
    newWebhookMessageId(),
    event.type,
    event.subjectId,
    event.data === undefined ? null : JSON.stringify(event.data),
  ];
  const rows =
    "$queryRawUnsafe" in tx
      ? await tx.$queryRawUnsafe<{ id: string }[]>(EVENT_INSERT, ...values)
      : await sql<{ id: string }>(tx, EVENT_INSERT, values);
  return rows.map((row) => row.id);
}

const EVENTS_INSERT = webhookOutboxInsert(
  {
    workspaceId: "$1",
    messageId: "b.message_id",
    eventType: "$2",
    subjectId: "b.subject_id",
    data: "b.data",
    at: "(clock_timestamp() AT TIME ZONE 'UTC')::timestamp(3)",
  },
  { from: "unnest($3::text[], $4::text[], $5::text[]) AS b(message_id, subject_id, data)" },
);

/** Many events of one type (a bulk change) in one statement: each its own webhook-id, as one by one. */
export async function recordWebhookEvents(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  type: WebhookEventType,
  events: { subjectId: string; data: unknown }[],
): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    EVENTS_INSERT,
    workspaceId,
    type,
    events.map(() => newWebhookMessageId()),
    events.map((event) => event.subjectId),
    events.map((event) => JSON.stringify(event.data)),
  );
  return rows.map((row) => row.id);
}
