import { TRPCError } from "@trpc/server";
import type { CustomerInput } from "@/server/connect/schemas";
import { Prisma } from "@/server/db/generated/client";

type Tx = Prisma.TransactionClient;

/** Only the fields the caller gave: `undefined` leaves a stored value alone, `null` clears it. */
function givenFields(input: CustomerInput) {
  const fields: Prisma.CustomerUpdateInput = {};
  if (input.name !== undefined) fields.name = input.name;
  if (input.phone !== undefined) fields.phone = input.phone;
  if (input.image !== undefined) fields.image = input.image;
  if (input.metadata !== undefined) {
    fields.metadata = input.metadata === null ? Prisma.DbNull : (input.metadata as Prisma.InputJsonObject);
  }
  return fields;
}

/**
 * The customer a message is sent as, inside the workspace: by `id`, then `externalId`,
 * then `email`; updated with the fields given, created when no key matches.
 */
export async function upsertCustomer(tx: Tx, workspaceId: string, input: CustomerInput): Promise<string> {
  const fields = givenFields(input);
  if (input.id) {
    const found = await tx.customer.findFirst({ where: { id: input.id, workspaceId }, select: { id: true } });
    if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "customer.id: no such customer" });
    await tx.customer.update({
      where: { id: found.id },
      data: {
        ...fields,
        ...(input.externalId !== undefined ? { externalId: input.externalId } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
      },
      select: { id: true },
    });
    return found.id;
  }
  if (input.externalId) {
    const row = await tx.customer.upsert({
      where: { workspaceId_externalId: { workspaceId, externalId: input.externalId } },
      create: {
        ...createFields(input),
        workspaceId,
        externalId: input.externalId,
        email: input.email ?? null,
      },
      update: { ...fields, ...(input.email !== undefined ? { email: input.email } : {}) },
      select: { id: true },
    });
    return row.id;
  }
  if (input.email) {
    const row = await tx.customer.upsert({
      where: { workspaceId_email: { workspaceId, email: input.email } },
      create: { ...createFields(input), workspaceId, email: input.email },
      update: fields,
      select: { id: true },
    });
    return row.id;
  }
  throw new TRPCError({
    code: "BAD_REQUEST",
    message: "customer: give id, externalId or email to say who the customer is",
  });
}

function createFields(input: CustomerInput) {
  return {
    name: input.name ?? null,
    phone: input.phone ?? null,
    image: input.image ?? null,
    ...(input.metadata ? { metadata: input.metadata as Prisma.InputJsonObject } : {}),
  };
}
