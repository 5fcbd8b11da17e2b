import type { Caller } from "@/server/auth/caller";
import { containsPattern } from "@/server/conversations/search";
import { ListCustomersInput, type ListCustomersOutput } from "@/server/customers/schemas";
import { customerListSelect, toCustomerListItem } from "@/server/customers/select";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { decodeSeekCursor, keysetPage, olderThanCursor } from "@/server/db/keyset";

/**
 * The ids of one page of the customers whose name, email, phone or external id hold the words,
 * in list order: the trigram index finds them, the seek pages them.
 */
async function searchPageIds(
  db: Db,
  workspaceId: string,
  search: string,
  cursor: string | null | undefined,
  take: number,
): Promise<string[]> {
  const seek = cursor ? decodeSeekCursor(cursor) : null;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT cu."id" FROM "Customer" cu
    WHERE cu."workspaceId" = ${workspaceId} AND cu."searchText" LIKE ${containsPattern(search)}
      ${seek ? Prisma.sql`AND (cu."createdAt", cu."id") < (${seek.at}::timestamp(3), ${seek.id}::text)` : Prisma.empty}
    ORDER BY cu."createdAt" DESC, cu."id" DESC
    LIMIT ${take}`;
  return rows.map((row) => row.id);
}

/**
 * One page of the workspace's customers, newest first (keyset on (createdAt, id)); with
 * `search`, only those found by the folded trigram search conversations use.
 */
export async function listCustomers(
  db: Db,
  caller: Caller,
  params: ListCustomersInput,
): Promise<ListCustomersOutput> {
  const { search, limit, cursor } = ListCustomersInput.parse(params);
  const where: Prisma.CustomerWhereInput = search
    ? {
        workspaceId: caller.workspaceId,
        id: { in: await searchPageIds(db, caller.workspaceId, search, cursor, limit + 1) },
      }
    : { workspaceId: caller.workspaceId, ...(cursor ? olderThanCursor(cursor) : {}) };
  const rows = await db.customer.findMany({
    where,
    select: customerListSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const { shown, nextCursor } = keysetPage(rows, limit);
  return { items: shown.map(toCustomerListItem), nextCursor };
}
