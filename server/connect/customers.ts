import { TRPCError } from "@trpc/server";
import { v7 as uuidv7 } from "uuid";
import type { CustomerInput } from "@/server/connect/schemas";
import { type Queryable, sql, utc } from "@/server/db/sql";
import { notFound } from "@/server/trpc/errors";

const CONFLICTS: Record<string, "email" | "externalId"> = {
  Customer_workspaceId_email_key: "email",
  Customer_workspaceId_externalId_key: "externalId",
};

/** The customer field a unique violation was about, when a write hit one of theirs. */
export function customerConflict(constraint: string | null): TRPCError | null {
  const field = constraint ? CONFLICTS[constraint] : undefined;
  if (!field) return null;
  return new TRPCError({
    code: "CONFLICT",
    message: `customer.${field}: belongs to another customer of this workspace`,
  });
}

type Column = "name" | "phone" | "image" | "metadata" | "externalId" | "email";

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** Only the fields the caller gave: `undefined` leaves a stored value alone, `null` clears it. */
function givenFields(input: CustomerInput, columns: Column[]): [Column, unknown][] {
  const given: [Column, unknown][] = [];
  for (const column of columns) {
    const value = input[column];
    if (value === undefined) continue;
    given.push([column, column === "metadata" ? json(value) : value]);
  }
  return given;
}

/** `"col" = $n` for each given field, numbered after `offset` parameters. */
function assignments(fields: [Column, unknown][], offset: number): string {
  return fields
    .map(([column], i) => `"${column}" = $${offset + i + 1}${column === "metadata" ? "::jsonb" : ""}`)
    .join(", ");
}

const ALWAYS: Column[] = ["name", "phone", "image", "metadata"];

/**
 * The customer a message is sent as, inside the workspace: by `id`, then `externalId`,
 * then `email` (a key a merge moved to the kept customer as an alias finds that one); updated
 * with the fields given, created when no key matches. Runs inside the
 * caller's transaction; a key that belongs to another customer fails with a unique violation
 * (see `customerConflict`).
 */
export async function upsertCustomer(
  tx: Queryable,
  workspaceId: string,
  input: CustomerInput,
): Promise<string> {
  const now = utc(new Date());
  if (input.id) {
    const fields = givenFields(input, [...ALWAYS, "externalId", "email"]);
    const [row] = await sql<{ id: string }>(
      tx,
      `UPDATE "Customer" SET "updatedAt" = $3::timestamp(3)${fields.length ? `, ${assignments(fields, 3)}` : ""}
       WHERE id = $1 AND "workspaceId" = $2 RETURNING id`,
      [input.id, workspaceId, now, ...fields.map(([, value]) => value)],
    );
    if (!row) throw notFound("customer.id", "customer");
    return row.id;
  }
  const key = input.externalId ? "externalId" : input.email ? "email" : null;
  if (!key) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "customer: give id, externalId or email to say who the customer is",
    });
  }
  // Found by externalId, the email given is updated too; found by email, only the other fields.
  const updates = givenFields(input, key === "externalId" ? [...ALWAYS, "email"] : ALWAYS);
  const set = `"updatedAt" = $9::timestamp(3)${updates.length ? `, ${assignments(updates, 9)}` : ""}`;
  const keyParam = key === "externalId" ? "$3" : "$4";
  // One statement: the customer with that key; else the one a merge left the key to (an alias);
  // else a new one.
  const [row] = await sql<{ id: string }>(
    tx,
    `WITH alias AS (
       SELECT a."customerId" AS id FROM "CustomerAlias" a
       WHERE a."workspaceId" = $2 AND a.kind = '${key}' AND a.value = ${keyParam}
         AND NOT EXISTS (SELECT 1 FROM "Customer" c WHERE c."workspaceId" = $2 AND c."${key}" = ${keyParam})
     ), aliased AS (
       UPDATE "Customer" SET ${set} WHERE "workspaceId" = $2 AND id IN (SELECT id FROM alias) RETURNING id
     ), inserted AS (
       INSERT INTO "Customer" (id, "workspaceId", "externalId", email, name, phone, image, metadata, "createdAt", "updatedAt")
       SELECT $1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::timestamp(3), $9::timestamp(3)
       WHERE NOT EXISTS (SELECT 1 FROM alias)
       ON CONFLICT ("workspaceId", "${key}") DO UPDATE SET ${set}
       RETURNING id
     )
     SELECT id FROM aliased UNION ALL SELECT id FROM inserted`,
    [
      uuidv7(),
      workspaceId,
      input.externalId ?? null,
      input.email ?? null,
      input.name ?? null,
      input.phone ?? null,
      input.image ?? null,
      json(input.metadata),
      now,
      ...updates.map(([, value]) => value),
    ],
  );
  if (!row) throw new Error("the customer upsert returned no row");
  return row.id;
}
