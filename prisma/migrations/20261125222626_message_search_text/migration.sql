-- Search over message text without reading every message: each message keeps every string of
-- its content, folded, in "searchText" (set by a trigger, so every writer agrees), under a
-- trigram index that serves LIKE '%words%'. Written by hand around what the schema diff made:
-- the extension, the two functions, the trigger and the backfill are not in schema.prisma.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner can create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The one search folding, applied to the stored text and to the search words alike
-- (server/conversations/search.ts):
-- - Turkish dotted and dotless i are one letter: İ, I, ı and i all fold to "i", so "ISTANBUL",
--   "istanbul", "İstanbul" and "ıstanbul" match each other (lower() alone leaves ı alone).
-- - Ç Ğ Ö Ş Ü are lowered explicitly, so Turkish folds even where the database's ctype is "C"
--   and lower() only knows ASCII; other letters are lowered as the database's lower() does.
-- - Arabic: hamza forms of alef (أ إ آ ٱ) fold to ا; tashkeel (U+064B-U+0652, U+0670) and
--   tatweel (U+0640) are dropped, so vowelled and unvowelled spellings match.
CREATE FUNCTION search_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN lower(translate($1, 'İIıÇĞÖŞÜأإآٱًٌٍَُِّْٰـ', 'iiiçğöşüاااا'));

-- Every string anywhere in a message's content (any locale, nested values too), one per line.
CREATE FUNCTION message_search_text(content jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  BEGIN ATOMIC
    SELECT search_fold(string_agg(v #>> '{}', E'\n'))
    FROM jsonb_path_query(content, 'strict $.**') AS v
    WHERE jsonb_typeof(v) = 'string';
  END;

CREATE FUNCTION message_set_search_text() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := message_search_text(NEW.content);
  RETURN NEW;
END
$$;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "searchText" TEXT;

CREATE TRIGGER message_search_text BEFORE INSERT OR UPDATE OF content ON "Message"
  FOR EACH ROW EXECUTE FUNCTION message_set_search_text();

UPDATE "Message" SET "searchText" = message_search_text(content);

-- CreateIndex
CREATE INDEX "Message_searchText_idx" ON "Message" USING GIN ("searchText" gin_trgm_ops);
