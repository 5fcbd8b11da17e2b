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
 * then `email`; updated with the fields given, created when no key matches. Runs inside the
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
  const [row] = await sql<{ id: string }>(
    tx,
    `INSERT INTO "Customer" (id, "workspaceId", "externalId", email, name, phone, image, metadata, "createdAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::timestamp(3), $9::timestamp(3))
     ON CONFLICT ("workspaceId", "${key}") DO UPDATE SET "updatedAt" = $9::timestamp(3)${
       updates.length ? `, ${assignments(updates, 9)}` : ""
     }
     RETURNING id`,
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
  if (!row) throw new Error("INSERT … ON CONFLICT DO UPDATE returned no row");
  return row.id;
}
