import { Prisma } from "@/server/db/generated/client";

// Search folds the stored text and the search words with one rule, the database's
// `search_fold()` (Turkish i/ı/İ/I as one letter, Ç Ğ Ö Ş Ü lowered in any ctype, Arabic alef
// forms as one, tashkeel and tatweel dropped): the rule and its reasons are in the migration
// `prisma/migrations/*_message_search_text`. A message's text, a customer's name and email and a
// conversation's subject are folded once, when they are written, into their "searchText" (set
// by triggers); trigram indexes serve the messages' and the customers'.

/** The search words as a LIKE pattern that matches them anywhere, wildcards taken literally. */
function containsPattern(search: string): Prisma.Sql {
  const escaped = search.normalize("NFC").replace(/[\\%_]/g, "\\$&");
  return Prisma.sql`('%' || search_fold(${escaped}::text) || '%')`;
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
