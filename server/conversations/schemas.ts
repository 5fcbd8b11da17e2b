import { z } from "zod";
import { CustomerInput, Locale } from "@/server/connect/schemas";
import { CONVERSATION_STATUSES } from "@/server/conversations/statuses";
import { pageOutput } from "@/server/trpc/page-output";

const Id = z.string().trim().min(1).max(100);

export const ConversationStatus = z.enum(CONVERSATION_STATUSES);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

/** "me" is the caller; "unassigned" has no assignee; "any" does not filter; anything else is a memberId. */
export const AssigneeFilter = z.union([z.enum(["me", "unassigned", "any"]), Id]).default("any");

/** The search box's words; empty or absent does not filter. */
const SearchWords = z.string().trim().max(200).nullish();

/** Conversations carrying every one of these labels; empty or absent does not filter. */
export const LabelIdsFilter = z.array(Id).max(10).optional();

export const ListConversationsInput = z
  .object({
    status: ConversationStatus.optional(),
    assignee: AssigneeFilter,
    channelId: Id.nullish(),
    search: SearchWords,
    labelIds: LabelIdsFilter,
    limit: z.number().int().min(1).max(100).default(30),
    /** `nextCursor` of the previous page, as returned; opaque. */
    cursor: z.string().min(1).max(200).nullish(),
  })
  .prefault({});
export type ListConversationsInput = z.input<typeof ListConversationsInput>;

/**
 * With `search`, each status counts the conversations the search finds in it, so a search whose
 * hits are all in another tab says where they are.
 */
export const ConversationCountsInput = z
  .object({
    assignee: AssigneeFilter,
    channelId: Id.nullish(),
    search: SearchWords,
    labelIds: LabelIdsFilter,
  })
  .prefault({});
export type ConversationCountsInput = z.input<typeof ConversationCountsInput>;

const StatusCounts = z.object({
  open: z.number().int(),
  pending: z.number().int(),
  resolved: z.number().int(),
  snoozed: z.number().int(),
});

export const ConversationCountsOutput = StatusCounts.extend({
  /** Of those, the ones unread by the caller. */
  unread: StatusCounts,
});
export type ConversationCountsOutput = z.infer<typeof ConversationCountsOutput>;

export const ConversationIdInput = z.object({ id: Id });
export type ConversationIdInput = z.infer<typeof ConversationIdInput>;

export const CreateConversationInput = z
  .object({
    customerId: Id.nullish(),
    customer: CustomerInput.nullish(),
    channelId: Id.nullish(),
    channelIdentifier: z.string().trim().min(1).max(255).nullish(),
    subject: z.string().trim().max(300).nullish(),
  })
  .refine((input) => Boolean(input.customerId) !== Boolean(input.customer), {
    message: "give either customerId or customer",
    path: ["customerId"],
  });
export type CreateConversationInput = z.infer<typeof CreateConversationInput>;

/** A status a member sets directly: snoozing takes a time, so it has its own procedure. */
export const SettableStatus = ConversationStatus.exclude(["snoozed"]);

export const UpdateConversationInput = z.object({
  id: Id,
  /** Any status clears a snooze's time. */
  status: SettableStatus.optional(),
  /** A member of this workspace, or null to unassign; absent leaves the assignee alone. */
  assigneeId: Id.nullish(),
});
export type UpdateConversationInput = z.infer<typeof UpdateConversationInput>;

/** A label put on or taken off a conversation; both are no-ops when already so. */
export const ConversationLabelInput = z.object({ id: Id, labelId: Id });
export type ConversationLabelInput = z.infer<typeof ConversationLabelInput>;

/** A label as a conversation shows it: `color` is a name from server/labels/colors.ts. */
export const LabelSummary = z.object({ id: z.string(), name: z.string(), color: z.string() });
export type LabelSummary = z.infer<typeof LabelSummary>;

/** The furthest ahead a conversation can be snoozed. */
export const SNOOZE_MAX_MS = 366 * 24 * 60 * 60 * 1000;

export const SnoozeConversationInput = z.object({
  id: Id,
  /** When it comes back to Open: an ISO 8601 instant, in the future and at most a year ahead. */
  until: z.iso.datetime({ offset: true }),
});
export type SnoozeConversationInput = z.infer<typeof SnoozeConversationInput>;

export const ChannelSummary = z.object({
  id: z.string(),
  kind: z.enum(["website", "email", "api", "whatsapp", "sms"]),
  name: z.string(),
  identifier: z.string(),
});

export const AssigneeSummary = z.object({ memberId: z.string(), name: z.string() });

export const ConversationListItem = z.object({
  id: z.string(),
  subject: z.string().nullable(),
  status: ConversationStatus,
  customer: z.object({
    id: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    image: z.string().nullable(),
  }),
  channel: ChannelSummary.nullable(),
  assignee: AssigneeSummary.nullable(),
  /** By name. */
  labels: z.array(LabelSummary),
  /** ISO 8601, while snoozed: when it comes back to Open. */
  snoozedUntil: z.string().nullable(),
  /** ISO 8601. */
  lastMessageAt: z.string(),
  lastMessagePreview: z.partialRecord(Locale, z.unknown()).nullable(),
  /**
   * The customer wrote since the caller last read the conversation, or the caller marked it
   * unread. A colleague's reply or note does not make it unread.
   */
  unread: z.boolean(),
  /**
   * Only in search results: the newest message whose text holds the search words, where the
   * inbox opens the conversation; null when only the name, email or subject matched.
   */
  matchMessageId: z.string().nullable().optional(),
});
export type ConversationListItem = z.infer<typeof ConversationListItem>;

export const ListConversationsOutput = pageOutput(ConversationListItem);
export type ListConversationsOutput = z.infer<typeof ListConversationsOutput>;

export const ConversationOutput = z.object({
  id: z.string(),
  subject: z.string().nullable(),
  status: ConversationStatus,
  customer: z.object({
    id: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    image: z.string().nullable(),
    externalId: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()).nullable(),
  }),
  channel: ChannelSummary.nullable(),
  assignee: AssigneeSummary.nullable(),
  /** By name. */
  labels: z.array(LabelSummary),
  /** ISO 8601, while snoozed: when it comes back to Open. */
  snoozedUntil: z.string().nullable(),
  /** ISO 8601. */
  createdAt: z.string(),
  /** ISO 8601. */
  lastMessageAt: z.string(),
});
export type ConversationOutput = z.infer<typeof ConversationOutput>;

export const MarkUnreadOutput = z.object({ conversationId: z.string() });
export type MarkUnreadOutput = z.infer<typeof MarkUnreadOutput>;

export const MarkReadOutput = z.object({
  conversationId: z.string(),
  /** ISO 8601. */
  lastReadAt: z.string(),
});
export type MarkReadOutput = z.infer<typeof MarkReadOutput>;
