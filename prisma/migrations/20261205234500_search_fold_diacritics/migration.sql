-- Written by hand: search_fold() (see the message_search_text migration) now also folds
-- diacritics, so "tesekkur" finds "teşekkür", "ozturk" finds "Öztürk", "cafe" finds "café", and
-- more Arabic spellings match. schema.prisma does not change: the columns and their trigram
-- indexes stay; only what the triggers write into "searchText" does, so every stored value is
-- folded again below.
--
-- How it folds, in order:
-- 1. NFKD: a letter with diacritics becomes its base letter and combining marks (é = e + U+0301,
--    İ = I + U+0307, أ = ا + U+0654, ؤ = و + U+0654, ئ = ي + U+0654, آ = ا + U+0653); text that
--    arrived already decomposed folds the same; compatibility forms (Arabic presentation forms
--    from PDFs, full-width letters, ligatures like ﬁ) become their plain letters.
-- 2. Letters with no decomposition fold by hand: Turkish I and ı to i (with İ from step 1, all
--    four are one letter, as before), ø đ ð ħ ł ŧ (and capitals) to o d d h l t, ٱ to ا, ة to ه,
--    ى to ي; ß æ œ to ss ae oe.
-- 3. Combining marks (U+0300-U+036F), tashkeel and hamza marks (U+064B-U+065F, U+0670) and
--    tatweel (U+0640) are dropped.
-- 4. lower() for the rest (after steps 1-3 every folded Latin letter is ASCII, so a "C" ctype
--    lowers it too), then NFC so other scripts (Hangul, kana) are stored composed again.
-- ؤ→و and ئ→ي follow from step 1: people often type hamza-less (سوال for سؤال); a match on a
-- word that differs only there is the rarer, cheaper mistake.
-- unaccent is not used: it is STABLE (its dictionary can change), so it cannot back an IMMUTABLE
-- function honestly, and not every host offers the extension. normalize() is IMMUTABLE.
CREATE OR REPLACE FUNCTION search_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN normalize(
    lower(
      regexp_replace(
        replace(replace(replace(replace(replace(
          translate(normalize($1, NFKD), 'IıØøĐđÐðĦħŁłŦŧٱةى', 'iiooddddhhllttاهي'),
          'ß', 'ss'), 'Æ', 'ae'), 'æ', 'ae'), 'Œ', 'oe'), 'œ', 'oe'),
        E'[\u0300-\u036f\u064b-\u065f\u0670\u0640]', '', 'g')),
    NFC);

-- Only rows whose folded text changes are written (most text has no diacritics): no dead row
-- and no index entry for the rest.
UPDATE "Message" m SET "searchText" = f.folded
  FROM (SELECT "id", message_search_text(content) AS folded FROM "Message") f
  WHERE m."id" = f."id" AND m."searchText" IS DISTINCT FROM f.folded;

UPDATE "Customer" c SET "searchText" = f.folded
  FROM (SELECT "id", search_fold(coalesce(name, '') || E'\n' || coalesce(email, '')) AS folded FROM "Customer") f
  WHERE c."id" = f."id" AND c."searchText" IS DISTINCT FROM f.folded;

UPDATE "Conversation" c SET "searchText" = f.folded
  FROM (SELECT "id", search_fold(coalesce(subject, '')) AS folded FROM "Conversation") f
  WHERE c."id" = f."id" AND c."searchText" IS DISTINCT FROM f.folded;
