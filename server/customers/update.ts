import { TRPCError } from "@trpc/server";
import type { Caller } from "@/server/auth/caller";
import { readCustomer } from "@/server/customers/get";
import type { CustomerOutput, UpdateCustomerInput } from "@/server/customers/schemas";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { publishAfterCommit } from "@/server/events/publish";
import { notFound } from "@/server/trpc/errors";

type Tx = Prisma.TransactionClient;

const UNIQUE_FIELDS = ["email", "externalId"] as const;

function duplicate(field: (typeof UNIQUE_FIELDS)[number]): TRPCError {
  const what = field === "email" ? "email" : "external id";
  return new TRPCError({
    code: "CONFLICT",
    message: `${field}: another customer of this workspace has this ${what}`,
  });
}

/** The first of email / external id that another customer of the workspace already has. */
export async function refuseDuplicates(
  tx: Tx,
  workspaceId: string,
  customerId: string,
  values: { email?: string | null | undefined; externalId?: string | null | undefined },
): Promise<void> {
  for (const field of UNIQUE_FIELDS) {
    const value = values[field];
    if (!value) continue;
    const other = await tx.customer.findFirst({
      where: { workspaceId, [field]: value, id: { not: customerId } },
      select: { id: true },
    });
    if (other) throw duplicate(field);
  }
}

/** The unique index refused the write after all (a concurrent write took the value). */
function conflictAfterCheck(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw duplicate(/externalId/.test(JSON.stringify(error.meta ?? error.message)) ? "externalId" : "email");
  }
  throw error;
}

function metadataValue(metadata: UpdateCustomerInput["metadata"]) {
  if (metadata === undefined) return {};
  return { metadata: metadata === null ? Prisma.DbNull : (metadata as Prisma.InputJsonObject) };
}

/**
 * A member edits a customer's name, email, phone, external id or metadata. A duplicate email or
 * external id is a CONFLICT naming the field. Open inboxes refetch once (one
 * `conversations.updated`), which shows the new name on every conversation of the customer.
 */
export async function updateCustomer(
  db: Db,
  caller: Caller,
  { id, metadata, ...fields }: UpdateCustomerInput,
): Promise<CustomerOutput> {
  const { workspaceId } = caller;
  try {
    const customer = await db.$transaction(async (tx) => {
      const found = await tx.customer.findFirst({ where: { id, workspaceId }, select: { id: true } });
      if (!found) throw notFound("id", "customer");
      await refuseDuplicates(tx, workspaceId, found.id, fields);
      await tx.customer.update({
        where: { workspaceId_id: { workspaceId, id: found.id } },
        data: { ...fields, ...metadataValue(metadata) },
        select: { id: true },
      });
      return readCustomer(tx, workspaceId, found.id);
    });
    if (customer.conversationCount > 0) {
      publishAfterCommit({ type: "conversations.updated", workspaceId, count: customer.conversationCount });
    }
    return customer;
  } catch (error) {
    conflictAfterCheck(error);
  }
}
