import type { Caller } from "@/server/auth/caller";
import { asRecord } from "@/server/conversations/select";
import type { CustomerIdInput, CustomerOutput } from "@/server/customers/schemas";
import { type CustomerRow, customerSelect } from "@/server/customers/select";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { notFound } from "@/server/trpc/errors";

type Reader = Db | Prisma.TransactionClient;

export function toCustomerOutput(row: CustomerRow, conversationCount: number): CustomerOutput {
  return {
    ...row,
    metadata: asRecord(row.metadata),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    conversationCount,
  };
}

/** The customer with this id in the caller's workspace, as its profile shows it. */
export async function readCustomer(db: Reader, workspaceId: string, id: string): Promise<CustomerOutput> {
  const row = await db.customer.findFirst({ where: { id, workspaceId }, select: customerSelect });
  if (!row) throw notFound("id", "customer");
  const conversationCount = await db.conversation.count({ where: { workspaceId, customerId: row.id } });
  return toCustomerOutput(row, conversationCount);
}

export async function getCustomer(db: Db, caller: Caller, { id }: CustomerIdInput): Promise<CustomerOutput> {
  return readCustomer(db, caller.workspaceId, id);
}
