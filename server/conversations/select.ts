import type { MessageContent } from "@/server/connect/schemas";
import type { ConversationListItem, ConversationOutput } from "@/server/conversations/schemas";
import type { Prisma } from "@/server/db/generated/client";

const channelSelect = { id: true, kind: true, name: true, identifier: true } satisfies Prisma.ChannelSelect;
const assigneeSelect = { id: true, user: { select: { name: true } } } satisfies Prisma.MemberSelect;

const labelsSelect = {
  select: { label: { select: { id: true, name: true, color: true } } },
  orderBy: [{ label: { name: "asc" } }, { labelId: "asc" }],
} satisfies Prisma.Conversation$labelsArgs;

type AssigneeRow = Prisma.MemberGetPayload<{ select: typeof assigneeSelect }>;

function toAssignee(row: AssigneeRow | null) {
  return row ? { memberId: row.id, name: row.user.name } : null;
}

export function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

export const conversationSelect = {
  id: true,
  subject: true,
  status: true,
  snoozedUntil: true,
  createdAt: true,
  lastMessageAt: true,
  customer: {
    select: { id: true, name: true, email: true, phone: true, image: true, externalId: true, metadata: true },
  },
  channel: { select: channelSelect },
  assignee: { select: assigneeSelect },
  labels: labelsSelect,
} satisfies Prisma.ConversationSelect;

export type ConversationRow = Prisma.ConversationGetPayload<{ select: typeof conversationSelect }>;

export function toConversationOutput(row: ConversationRow): ConversationOutput {
  return {
    id: row.id,
    subject: row.subject,
    status: row.status,
    customer: { ...row.customer, metadata: asRecord(row.customer.metadata) },
    channel: row.channel,
    assignee: toAssignee(row.assignee),
    labels: row.labels.map((l) => l.label),
    snoozedUntil: row.snoozedUntil?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    lastMessageAt: row.lastMessageAt.toISOString(),
  };
}

/** A list row; `reads` holds at most the caller's own read marker. */
export function listItemSelect(memberId: string) {
  return {
    id: true,
    subject: true,
    status: true,
    snoozedUntil: true,
    lastMessageAt: true,
    lastCustomerMessageAt: true,
    lastMessagePreview: true,
    customer: { select: { id: true, name: true, email: true, image: true } },
    channel: { select: channelSelect },
    assignee: { select: assigneeSelect },
    labels: labelsSelect,
    reads: { where: { memberId }, select: { lastReadAt: true, markedUnread: true } },
  } satisfies Prisma.ConversationSelect;
}

export type ListItemRow = Prisma.ConversationGetPayload<{ select: ReturnType<typeof listItemSelect> }>;

export function toListItem(row: ListItemRow): ConversationListItem {
  const read = row.reads[0];
  return {
    id: row.id,
    subject: row.subject,
    status: row.status,
    customer: row.customer,
    channel: row.channel,
    assignee: toAssignee(row.assignee),
    labels: row.labels.map((l) => l.label),
    snoozedUntil: row.snoozedUntil?.toISOString() ?? null,
    lastMessageAt: row.lastMessageAt.toISOString(),
    lastMessagePreview: asRecord(row.lastMessagePreview) as MessageContent | null,
    unread: isUnreadFor(read, row.lastCustomerMessageAt),
  };
}

/** The one rule for "unread", as SQL in unreadSql (server/conversations/counts.ts). */
function isUnreadFor(
  read: { lastReadAt: Date; markedUnread: boolean } | undefined,
  lastCustomerMessageAt: Date | null,
): boolean {
  if (read?.markedUnread) return true;
  if (!lastCustomerMessageAt) return false;
  return !read || read.lastReadAt < lastCustomerMessageAt;
}
