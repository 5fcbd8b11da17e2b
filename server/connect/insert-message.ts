import { v7 as uuidv7 } from "uuid";
import { activityAssignments } from "@/server/connect/conversation-activity";
import { attachmentsJson, messageRows } from "@/server/connect/message-rows";
import type { FlatMessageRow } from "@/server/connect/message-select";
import type { MessageContent } from "@/server/connect/schemas";
import { type Prepared, type Queryable, sql, utc } from "@/server/db/sql";
import { newWebhookMessageId, webhookOutboxInsert } from "@/server/webhooks/outbox";

export type NewMessage = {
  id: string;
  workspaceId: string;
  conversationId: string;
  content: MessageContent;
  senderType: "member" | "customer";
  senderMemberId: string | null;
  /** For a customer sender: null is the conversation's customer. */
  senderCustomerId: string | null;
  parentId: string | null;
  flags: string[];
  templateId: string | null;
  templateContext: unknown;
  /** null is the conversation's channel. */
  channelId: string | null;
  idempotencyKey: string | null;
  idempotencyHash: string | null;
  attachmentIds: string[];
  /** The AI run to queue; its channel null is the message's. */
  aiRun: { id: string; agentId: string; channelId: string | null; requestedByMemberId: string } | null;
  internal: boolean;
  reopen: boolean;
  /**
   * A member's reply from the inbox: the member to assign an unassigned conversation to, when the
   * workspace has auto-assign on. null (always, for API keys) leaves the statement as it was.
   */
  assignTo: string | null;
};

/**
 * Everything a send writes, as one statement (its createdAt is the database's clock as the row is
 * written, not Node's before the statement waited for a connection, so rows land in time order): the message, its uploads claimed (only those
 * still free), the AI run, the conversation's last message and status, and the message read
 * back as the API returns it, and the webhook deliveries of its message.created and, when it
 * reopens the conversation, of a conversation.updated (the outbox; payloads are read when first
 * sent). One statement is atomic on its own, so a send with nothing to
 * check first needs no transaction, and the conversation's row is locked only while it runs.
 * Returns null when the conversation is not in the workspace (nothing is written then).
 */
type Variant = "plain" | "customer" | "assigning";

function insertStatement(variant: Variant): string {
  const customer = variant === "customer";
  const assign = variant === "assigning";
  return `
  WITH conv AS (
    SELECT id, "customerId", "channelId", status${customer || assign ? ', "assigneeId"' : ""}
    FROM "Conversation" WHERE id = $1 AND "workspaceId" = $2
  ), ${assign ? AUTO_ASSIGN : ""}m AS (
    INSERT INTO "Message" (id, "workspaceId", "conversationId", content, "senderType", "senderMemberId",
      "senderCustomerId", "parentId", flags, "templateId", "templateContext", "channelId",
      "idempotencyKey", "idempotencyHash", "createdAt")
    SELECT $3, $2, conv.id, $4::jsonb, $5::"SenderType", $6,
      CASE WHEN $5::"SenderType" = 'customer' THEN COALESCE($7, conv."customerId") END, $8, $9::text[], $10,
      $11::jsonb, COALESCE($12, conv."channelId"), $13, $14, (clock_timestamp() AT TIME ZONE 'UTC')::timestamp(3)
    FROM conv
    RETURNING *
  ), claimed AS (
    UPDATE "Attachment" f SET "messageId" = m.id FROM m
    WHERE f.id = ANY($15::text[]) AND f."workspaceId" = m."workspaceId" AND f."messageId" IS NULL
    RETURNING f.id, f."fileName", f."mimeType", f.size, f."createdAt"
  ), run AS (
    INSERT INTO "AiRun" (id, "workspaceId", "agentId", "conversationId", "triggerMessageId", "channelId",
      "requestedByMemberId", "createdAt", "updatedAt")
    SELECT $16, m."workspaceId", $17, m."conversationId", m.id, COALESCE($18, m."channelId"), $19,
      m."createdAt", m."createdAt"
    FROM m WHERE $17::text IS NOT NULL
  ), activity AS (
    UPDATE "Conversation" SET ${activityAssignments({
      createdAt: 'm."createdAt"',
      internal: "$20",
      content: "$4",
      reopen: "$21",
      now: "$22",
      fromCustomer: `m."senderType" = 'customer'`,
    })}${assign ? ASSIGN_SET : ""}
    FROM m WHERE "Conversation".id = m."conversationId" AND "Conversation"."workspaceId" = m."workspaceId"
  ), hooks AS (
    ${webhookOutboxInsert(
      {
        workspaceId: 'm."workspaceId"',
        messageId: "$23",
        eventType: "'message.created'",
        subjectId: "m.id",
        data: "NULL",
        at: 'm."createdAt"',
      },
      { from: "m" },
    )}
  ), reopened AS (
    ${webhookOutboxInsert(
      {
        workspaceId: 'm."workspaceId"',
        messageId: "$24",
        eventType: "'conversation.updated'",
        subjectId: "conv.id",
        data: "NULL",
        changes: `jsonb_build_object('status', jsonb_build_object('from', conv.status, 'to', 'open'))`,
        at: 'm."createdAt"',
      },
      // conv is the row as the statement began: the status the activity update changes.
      { from: "m, conv", when: `$21::boolean AND conv.status <> 'open'` },
    )}
  )${customer ? NOTIFY_ASSIGNEE : ""}${assign ? ASSIGNED_HOOKS : ""}
  ${messageRows({
    extraColumns: `(SELECT count(*)::int FROM claimed) AS "claimedCount",
      ARRAY(SELECT id FROM hooks UNION ALL SELECT id FROM reopened${assign ? " UNION ALL SELECT id FROM assigned" : ""}) AS "webhookDeliveryIds",${assign ? ` EXISTS (SELECT 1 FROM assigns) AS "assigned",` : ""}
      ${customer ? `(SELECT "recipientId" FROM notified) AS "notifiedMemberId",` : ""}`,
    from: "m",
    attachments: attachmentsJson("claimed f"),
  })}`;
}

/**
 * A customer's message notifies the conversation's assignee (unless they turned it off), in the
 * same statement. Only customer sends carry it: a member's send, the API's usual one, is unchanged.
 */
const NOTIFY_ASSIGNEE = `, notified AS (
    INSERT INTO "Notification" (id, "workspaceId", "recipientId", kind, "conversationId", "messageId", "createdAt")
    SELECT $25, m."workspaceId", a.id, 'customer_message', m."conversationId", m.id, m."createdAt"
    FROM m JOIN conv ON true
    JOIN "Member" a ON a.id = conv."assigneeId" AND a."workspaceId" = m."workspaceId"
    WHERE a."removedAt" IS NULL AND a."notifyCustomerMessage"
    RETURNING "recipientId"
  )`;

/*
 * Auto-assign on reply, only in the statement of a member's send from the inbox: the conversation
 * had no assignee as the statement began, the workspace wants it, and the message is a reply (not
 * a note). COALESCE keeps an assignee another transaction set meanwhile (the UPDATE sees the
 * row's newest version). $25 is the member.
 */
const AUTO_ASSIGN = `assigns AS (
    SELECT 1 FROM conv JOIN "Workspace" w ON w.id = $2
    WHERE w."autoAssignOnReply" AND conv."assigneeId" IS NULL AND NOT $20::boolean
  ), `;
const ASSIGN_SET = `,
      "assigneeId" = CASE WHEN EXISTS (SELECT 1 FROM assigns)
        THEN COALESCE("Conversation"."assigneeId", $25) ELSE "Conversation"."assigneeId" END`;
const ASSIGNED_HOOKS = `, assigned AS (
    ${webhookOutboxInsert(
      {
        workspaceId: 'm."workspaceId"',
        messageId: "$26",
        eventType: "'conversation.updated'",
        subjectId: "conv.id",
        data: "NULL",
        changes: `jsonb_build_object('assigneeId', jsonb_build_object('from', NULL, 'to', $25::text))`,
        at: 'm."createdAt"',
      },
      { from: "m, conv", when: "EXISTS (SELECT 1 FROM assigns)" },
    )}
  )`;

const STATEMENTS: Record<Variant, Prepared> = {
  plain: { name: "send-plain", text: insertStatement("plain") },
  customer: { name: "send-customer", text: insertStatement("customer") },
  assigning: { name: "send-assigning", text: insertStatement("assigning") },
};

type InsertedMessage = FlatMessageRow & {
  claimedCount: number;
  webhookDeliveryIds: string[];
  /** The assignee a customer's message notified; its notification's id is `notificationId`. */
  notifiedMemberId?: string | null;
  /** Only from a send with `assignTo`: this reply assigned the conversation to its member. */
  assigned?: boolean;
};

export type InsertResult = InsertedMessage & { notificationId: string | null };

/**
 * A customer's message (it may notify the assignee) and a member's reply that may auto-assign
 * each have their own statement; the API's usual send, a member's message without `assignTo`,
 * runs the plain one.
 */
export async function insertMessage(on: Queryable, message: NewMessage): Promise<InsertResult | null> {
  const { aiRun, assignTo } = message;
  const variant: Variant = message.senderType === "customer" ? "customer" : assignTo ? "assigning" : "plain";
  // Only a customer's message can notify: the plain send (the API's usual one) makes no id for it.
  const notificationId = variant === "customer" ? uuidv7() : null;
  const values = [
    message.conversationId,
    message.workspaceId,
    message.id,
    JSON.stringify(message.content),
    message.senderType,
    message.senderMemberId,
    message.senderCustomerId,
    message.parentId,
    message.flags,
    message.templateId,
    message.templateId && message.templateContext != null ? JSON.stringify(message.templateContext) : null,
    message.channelId,
    message.idempotencyKey,
    message.idempotencyHash,
    message.attachmentIds,
    aiRun?.id ?? null,
    aiRun?.agentId ?? null,
    aiRun?.channelId ?? null,
    aiRun?.requestedByMemberId ?? null,
    message.internal,
    message.reopen,
    utc(new Date()),
    newWebhookMessageId(),
    newWebhookMessageId(),
  ];
  const extra =
    variant === "customer"
      ? [notificationId]
      : variant === "assigning"
        ? [assignTo, newWebhookMessageId()]
        : [];
  const [row] = await sql<InsertedMessage>(on, STATEMENTS[variant], [...values, ...extra]);
  return row ? { ...row, notificationId } : null;
}
