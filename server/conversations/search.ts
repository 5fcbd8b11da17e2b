import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";

// Search folds the stored text and the search words with one rule, the database's
// `search_fold()` (case, diacritics: teşekkür = tesekkur, Öztürk = ozturk, café = cafe; Turkish
// i/ı/İ/I as one letter; Arabic أ إ آ ٱ = ا, ة = ه, ى = ي, ؤ = و, ئ = ي, tashkeel and tatweel
// dropped): the rule and its reasons are in the migration `prisma/migrations/*_search_fold_diacritics`. A message's text, a customer's name and email and a
// conversation's subject are folded once, when they are written, into their "searchText" (set
// by triggers); trigram indexes serve the messages' and the customers'.

/**
 * The search words as a LIKE pattern that matches them anywhere, wildcards taken literally.
 * Escaped after folding: folding turns a full-width ％ or ＿ into a plain one.
 */
export function containsPattern(search: string): Prisma.Sql {
  return Prisma.sql`('%' || replace(replace(replace(search_fold(${search}::text), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')`;
}

/**
 * A condition on conversation `c`: the customer's name or email, the subject, or any text in
 * any locale of any of its messages contains the search words.
 */
export function searchConditionSql(search: string): Prisma.Sql {
  const pattern = containsPattern(search);
  return Prisma.sql`(
    c."searchText" LIKE ${pattern}
    OR EXISTS (
      SELECT 1 FROM "Customer" cu
      WHERE cu."workspaceId" = c."workspaceId" AND cu."id" = c."customerId" AND cu."searchText" LIKE ${pattern}
    )
    OR EXISTS (
      SELECT 1 FROM "Message" m
      WHERE m."workspaceId" = c."workspaceId" AND m."conversationId" = c."id"
        AND m."searchText" LIKE ${pattern}
    )
  )`;
}

/**
 * For each of these conversations (already found by the search), the newest message whose text
 * holds the search words, when one does.
 */
export async function newestMatches(
  db: Db,
  workspaceId: string,
  conversationIds: string[],
  search: string,
): Promise<Map<string, string>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ conversationId: string; id: string }[]>`
    SELECT DISTINCT ON (m."conversationId") m."conversationId", m."id"
    FROM "Message" m
    WHERE m."workspaceId" = ${workspaceId} AND m."conversationId" = ANY(${conversationIds}::text[])
      AND m."searchText" LIKE ${containsPattern(search)}
    ORDER BY m."conversationId", m."createdAt" DESC, m."id" DESC`;
  return new Map(rows.map((row) => [row.conversationId, row.id]));
}
