import type { MessageContent } from "@/server/connect/schemas";
import { asRecord } from "@/server/conversations/select";
import type { CustomerConversationItem, CustomerListItem } from "@/server/customers/schemas";
import type { Prisma } from "@/server/db/generated/client";

export const customerListSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  externalId: true,
  image: true,
  createdAt: true,
} satisfies Prisma.CustomerSelect;

type CustomerListRow = Prisma.CustomerGetPayload<{ select: typeof customerListSelect }>;

export function toCustomerListItem(row: CustomerListRow): CustomerListItem {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

export const customerSelect = {
  ...customerListSelect,
  metadata: true,
  updatedAt: true,
} satisfies Prisma.CustomerSelect;

export type CustomerRow = Prisma.CustomerGetPayload<{ select: typeof customerSelect }>;

export const customerConversationSelect = {
  id: true,
  subject: true,
  status: true,
  lastMessageAt: true,
  lastMessagePreview: true,
} satisfies Prisma.ConversationSelect;

type CustomerConversationRow = Prisma.ConversationGetPayload<{ select: typeof customerConversationSelect }>;

export function toCustomerConversationItem(row: CustomerConversationRow): CustomerConversationItem {
  return {
    ...row,
    lastMessageAt: row.lastMessageAt.toISOString(),
    lastMessagePreview: asRecord(row.lastMessagePreview) as MessageContent | null,
  };
}
