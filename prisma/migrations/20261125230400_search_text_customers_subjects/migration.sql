-- The customer's name and email, and the conversation's subject, folded for search once, when
-- they are written, as a message's text is (see the message_search_text migration): searching
-- no longer folds 20,000 names and subjects per query. Written by hand around what the schema
-- diff made: the functions, the triggers and the backfill are not in schema.prisma. The subject
-- needs no index of its own: search reads it from the conversation row it filters anyway.

CREATE FUNCTION customer_set_search_text() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := search_fold(coalesce(NEW.name, '') || E'\n' || coalesce(NEW.email, ''));
  RETURN NEW;
END
$$;

CREATE FUNCTION conversation_set_search_text() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := search_fold(coalesce(NEW.subject, ''));
  RETURN NEW;
END
$$;

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "searchText" TEXT;

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "searchText" TEXT;

CREATE TRIGGER customer_search_text BEFORE INSERT OR UPDATE OF name, email ON "Customer"
  FOR EACH ROW EXECUTE FUNCTION customer_set_search_text();

CREATE TRIGGER conversation_search_text BEFORE INSERT OR UPDATE OF subject ON "Conversation"
  FOR EACH ROW EXECUTE FUNCTION conversation_set_search_text();

UPDATE "Customer" SET "searchText" = search_fold(coalesce(name, '') || E'\n' || coalesce(email, ''));

UPDATE "Conversation" SET "searchText" = search_fold(coalesce(subject, ''));

-- CreateIndex
CREATE INDEX "Customer_searchText_idx" ON "Customer" USING GIN ("searchText" gin_trgm_ops);
