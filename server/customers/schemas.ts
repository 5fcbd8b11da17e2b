import { z } from "zod";
import { MessageContent } from "@/server/connect/schemas";
import { ConversationStatus } from "@/server/conversations/schemas";
import { pageOutput } from "@/server/trpc/page-output";

const Id = z.string().trim().min(1).max(100);
const Cursor = z.string().min(1).max(200).nullish();

export const ListCustomersInput = z
  .object({
    /** Words found in the name, email, phone or external id (folded as conversation search is). */
    search: z.string().trim().max(200).nullish(),
    limit: z.number().int().min(1).max(100).default(30),
    /** `nextCursor` of the previous page, as returned; opaque. */
    cursor: Cursor,
  })
  .prefault({});
export type ListCustomersInput = z.input<typeof ListCustomersInput>;

export const CustomerListItem = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  externalId: z.string().nullable(),
  image: z.string().nullable(),
  createdAt: z.string(),
});
export type CustomerListItem = z.infer<typeof CustomerListItem>;

export const ListCustomersOutput = pageOutput(CustomerListItem);
export type ListCustomersOutput = z.infer<typeof ListCustomersOutput>;

export const CustomerIdInput = z.object({ id: Id });
export type CustomerIdInput = z.infer<typeof CustomerIdInput>;

export const CustomerOutput = CustomerListItem.extend({
  metadata: z.record(z.string(), z.unknown()).nullable(),
  updatedAt: z.string(),
  conversationCount: z.number().int(),
});
export type CustomerOutput = z.infer<typeof CustomerOutput>;

export const CustomerConversationsInput = z.object({
  customerId: Id,
  /** Left out of the page: the conversation the details panel is showing. */
  exceptConversationId: Id.nullish(),
  limit: z.number().int().min(1).max(100).default(20),
  cursor: Cursor,
});
export type CustomerConversationsInput = z.input<typeof CustomerConversationsInput>;

export const CustomerConversationItem = z.object({
  id: z.string(),
  subject: z.string().nullable(),
  status: ConversationStatus,
  lastMessageAt: z.string(),
  lastMessagePreview: MessageContent.nullable(),
});
export type CustomerConversationItem = z.infer<typeof CustomerConversationItem>;

export const CustomerConversationsOutput = pageOutput(CustomerConversationItem);
export type CustomerConversationsOutput = z.infer<typeof CustomerConversationsOutput>;

/** `undefined` leaves a field alone; `null` (or an empty text) clears it. */
const Optional = (text: z.ZodString) =>
  z.preprocess((value) => (value === "" ? null : value), text.nullish());

export const UpdateCustomerInput = z.object({
  id: Id,
  name: Optional(z.string().trim().max(200)),
  email: Optional(z.string().trim().toLowerCase().email().max(320)),
  phone: Optional(z.string().trim().max(50)),
  externalId: Optional(z.string().trim().min(1).max(200)),
  /** A JSON object: what the API's `customer.metadata` holds. */
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
export type UpdateCustomerInput = z.infer<typeof UpdateCustomerInput>;

export const MergeCustomersInput = z
  .object({
    /** The customer that stays. */
    keepId: Id,
    /** The customer whose conversations move to the kept one; it is deleted. */
    mergeId: Id,
  })
  .refine((input) => input.keepId !== input.mergeId, {
    message: "choose another customer to merge",
    path: ["mergeId"],
  });
export type MergeCustomersInput = z.infer<typeof MergeCustomersInput>;
