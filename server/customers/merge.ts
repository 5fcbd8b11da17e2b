import { recordAudit } from "@/server/audit/record";
import type { Caller } from "@/server/auth/caller";
import { asRecord } from "@/server/conversations/select";
import { readCustomer } from "@/server/customers/get";
import type { CustomerOutput, MergeCustomersInput } from "@/server/customers/schemas";
import { customerSelect } from "@/server/customers/select";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { publishAfterCommit } from "@/server/events/publish";
import { notFound } from "@/server/trpc/errors";

const FILLABLE = ["name", "email", "phone", "externalId", "image"] as const;

/**
 * Merges `mergeId` into `keepId`, all in one transaction: every conversation and every message
 * the merged customer sent moves to the kept one; a field the kept customer has empty takes the
 * merged one's value (what the kept one has always wins; metadata keys are combined the same
 * way); the merged customer is deleted, and the API's upsert by its email or external id then
 * finds the kept one (as the kept one's own field, or as an alias when it had its own). Audited: the merged customer cannot be brought back.
 */
export async function mergeCustomers(
  db: Db,
  caller: Caller,
  { keepId, mergeId }: MergeCustomersInput,
): Promise<CustomerOutput> {
  const { workspaceId } = caller;
  const { customer, moved } = await db.$transaction(async (tx) => {
    const [keep, merge] = await Promise.all([
      tx.customer.findFirst({ where: { id: keepId, workspaceId }, select: customerSelect }),
      tx.customer.findFirst({ where: { id: mergeId, workspaceId }, select: customerSelect }),
    ]);
    if (!keep) throw notFound("keepId", "customer");
    if (!merge) throw notFound("mergeId", "customer");
    const { count: moved } = await tx.conversation.updateMany({
      where: { workspaceId, customerId: merge.id },
      data: { customerId: keep.id },
    });
    await tx.message.updateMany({
      where: { workspaceId, senderCustomerId: merge.id },
      data: { senderCustomerId: keep.id },
    });
    // Its email and external id keep leading to it through the kept one: taken over where the kept
    // one has none, else kept as aliases (with the aliases it had from earlier merges).
    await tx.customerAlias.updateMany({
      where: { workspaceId, customerId: merge.id },
      data: { customerId: keep.id },
    });
    const aliases = (["email", "externalId"] as const).flatMap((kind) => {
      const value = merge[kind];
      return value && keep[kind] && keep[kind] !== value
        ? [{ workspaceId, kind, value, customerId: keep.id }]
        : [];
    });
    if (aliases.length > 0) await tx.customerAlias.createMany({ data: aliases, skipDuplicates: true });
    // Deleted before the kept one takes its email or external id: both are unique.
    await tx.customer.delete({
      where: { workspaceId_id: { workspaceId, id: merge.id } },
      select: { id: true },
    });
    const filled: Prisma.CustomerUpdateInput = {};
    for (const field of FILLABLE) {
      if (keep[field] === null && merge[field] !== null) filled[field] = merge[field];
    }
    const keptMetadata = asRecord(keep.metadata);
    const mergedMetadata = asRecord(merge.metadata);
    if (mergedMetadata) filled.metadata = { ...mergedMetadata, ...keptMetadata } as Prisma.InputJsonObject;
    if (Object.keys(filled).length > 0) {
      await tx.customer.update({
        where: { workspaceId_id: { workspaceId, id: keep.id } },
        data: filled,
        select: { id: true },
      });
    }
    const customer = await readCustomer(tx, workspaceId, keep.id);
    await recordAudit(tx, caller, {
      action: "customer.merged",
      target: { type: "customer", id: keep.id, label: customer.name ?? customer.email },
      data: { merged: { id: merge.id, name: merge.name ?? merge.email }, conversations: moved },
    });
    return { customer, moved };
  });
  // One event, not one per conversation: open inboxes refetch their lists and details once.
  publishAfterCommit({ type: "conversations.updated", workspaceId, count: Math.max(moved, 1) });
  return customer;
}
