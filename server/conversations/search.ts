import { Prisma } from "@/server/db/generated/client";

/**
 * Search folding, applied in SQL to both the stored text and the search words, so one rule
 * holds wherever it runs:
 * - Turkish dotted and dotless i are one letter: İ, I, ı and i all fold to "i", so "ISTANBUL",
 *   "istanbul", "İstanbul" and "ıstanbul" match each other. Turkish readers lose the i/ı
 *   distinction in search (rare pairs like "ılık"/"ilik"), which beats missing every match
 *   typed on the wrong keyboard. PostgreSQL's lower() alone maps I to i but leaves ı alone.
 * - Ç Ğ Ö Ş Ü are lowered explicitly, so Turkish folds even where the database's ctype is "C"
 *   and lower() only knows ASCII; other letters are lowered as the database's lower() does.
 * - Arabic: hamza forms of alef (أ إ آ ٱ) fold to ا, and tashkeel and tatweel are dropped,
 *   so vowelled and unvowelled spellings match.
 */
const FOLD_FROM = `İIıÇĞÖŞÜأإآٱ${String.fromCharCode(...range(0x064b, 0x0652), 0x0670, 0x0640)}`;
const FOLD_TO = "iiiçğöşüاااا";

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function fold(text: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`lower(translate(${text}, ${FOLD_FROM}::text, ${FOLD_TO}::text))`;
}

/** The search words as a LIKE pattern that matches them anywhere, wildcards taken literally. */
function containsPattern(search: string): Prisma.Sql {
  const escaped = search.normalize("NFC").replace(/[\\%_]/g, "\\$&");
  return Prisma.sql`('%' || ${fold(Prisma.sql`${escaped}::text`)} || '%')`;
}

/**
 * A condition on conversation `c`: the customer's name or email, the subject, or any text in
 * any locale of any of its messages contains the search words.
 */
export function searchConditionSql(search: string): Prisma.Sql {
  const pattern = containsPattern(search);
  return Prisma.sql`(
    ${fold(Prisma.sql`coalesce(c."subject", '')`)} LIKE ${pattern}
    OR EXISTS (
      SELECT 1 FROM "Customer" cu
      WHERE cu."workspaceId" = c."workspaceId" AND cu."id" = c."customerId"
        AND (${fold(Prisma.sql`coalesce(cu."name", '')`)} LIKE ${pattern}
          OR ${fold(Prisma.sql`coalesce(cu."email", '')`)} LIKE ${pattern})
    )
    OR EXISTS (
      SELECT 1 FROM "Message" m, jsonb_path_query(m."content", 'strict $.**') AS v
      WHERE m."workspaceId" = c."workspaceId" AND m."conversationId" = c."id"
        AND jsonb_typeof(v) = 'string' AND ${fold(Prisma.sql`(v #>> '{}')`)} LIKE ${pattern}
    )
  )`;
}
