import { z } from "zod";
import { LOCALES } from "@/server/connect/locales";

export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

const MAX_CONTENT_BYTES = 64 * 1024;
const Id = z.string().trim().min(1).max(100);

/**
 * Text per locale, as published: `Partial<Record<"en" | "ar" | "tr", unknown>>`.
 * A string is the text; any other JSON value is kept as sent. Unknown locales are refused.
 */
export const MessageContent = z
  .strictObject({ en: z.unknown().optional(), ar: z.unknown().optional(), tr: z.unknown().optional() })
  .refine((content) => JSON.stringify(content).length <= MAX_CONTENT_BYTES, {
    message: `must be at most ${MAX_CONTENT_BYTES / 1024} KB of JSON`,
  });
export type MessageContent = Partial<Record<Locale, unknown>>;

export const CustomerInput = z.object({
  id: Id.nullish(),
  externalId: z.string().trim().min(1).max(200).nullish(),
  name: z.string().trim().max(200).nullish(),
  email: z.string().trim().toLowerCase().email().max(320).nullish(),
  phone: z.string().trim().max(50).nullish(),
  image: z.string().trim().url().max(2000).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
export type CustomerInput = z.infer<typeof CustomerInput>;

export const Flag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_:.-]*$/u, "must be a short label (letters, digits, _ : . -)");

/** The `send` input exactly as the published API page types it. */
export const SendMessageInput = z.object({
  conversationId: Id,
  content: MessageContent.nullish(),
  attachmentIds: z.array(Id).max(20).nullish(),
  flags: z.array(Flag).max(20).nullish(),
  parentId: Id.nullish(),
  templateId: Id.nullish(),
  templateContext: z.unknown().optional(),
  channelId: Id.nullish(),
  channelIdentifier: z.string().trim().min(1).max(255).nullish(),
  sender: z.enum(["workspace", "customer"]).optional(),
  customerId: Id.nullish(),
  customer: CustomerInput.nullish(),
  ai: z.object({ agentId: Id, channelId: Id.nullish() }).nullish(),
});
export type SendMessageInput = z.infer<typeof SendMessageInput>;

export const ListMessagesInput = z.object({
  conversationId: Id,
  limit: z.number().int().min(1).max(100).default(50),
  cursor: Id.nullish(),
  /**
   * Optional, "end" when absent (the published contract). "start": the first page holds the
   * oldest `limit` messages and `nextCursor` leads forward in time (the inbox's Home key opens
   * the conversation's beginning without loading every page in between).
   */
  from: z.enum(["end", "start"]).optional(),
  /**
   * Optional: a message of the conversation to open the history at (the inbox's jump to a search
   * hit, however far back). The page holds it, up to half of `limit` older messages and the rest
   * newer, oldest first; `nextCursor` leads back from its oldest as always, and `newerCursor`
   * (given only with `around`) forward from its newest, as a cursor for `from: "start"`.
   */
  around: Id.nullish(),
});
export type ListMessagesInput = z.input<typeof ListMessagesInput>;

export const SenderType = z.enum(["member", "customer", "ai", "system"]);

export const AttachmentOutput = z.object({
  id: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  url: z.string(),
});
export type AttachmentOutput = z.infer<typeof AttachmentOutput>;

export const MessageOutput = z.object({
  id: z.string(),
  conversationId: z.string(),
  content: z.partialRecord(Locale, z.unknown()),
  attachments: z.array(AttachmentOutput),
  sender: z.object({
    type: SenderType,
    id: z.string().nullable(),
    name: z.string().nullable(),
    image: z.string().nullable(),
  }),
  parentId: z.string().nullable(),
  flags: z.array(z.string()),
  channelId: z.string().nullable(),
  templateId: z.string().nullable(),
  /** ISO 8601; JSON has no dates and this API has no transformer. */
  createdAt: z.string(),
});
export type MessageOutput = z.infer<typeof MessageOutput>;

export const ListMessagesOutput = z.object({
  items: z.array(MessageOutput),
  nextCursor: z.string().nullable(),
  /** Only with `around`: the page's newest message when newer ones follow it, else null. */
  newerCursor: z.string().nullable().optional(),
});
export type ListMessagesOutput = z.infer<typeof ListMessagesOutput>;
