-- DropIndex
DROP INDEX "Conversation_workspaceId_customerId_idx";

-- CreateIndex
CREATE INDEX "Customer_workspaceId_createdAt_id_idx" ON "Customer"("workspaceId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Conversation_workspaceId_customerId_lastMessageAt_id_idx" ON "Conversation"("workspaceId", "customerId", "lastMessageAt" DESC, "id" DESC);

-- Written by hand: the Customers page searches a customer's phone and external id too, so the
-- trigger folds them into "searchText" beside the name and email (same search_fold(), same
-- trigram index), and every stored customer is folded again. Conversation search reads the same
-- column, so a conversation is found by its customer's phone or external id as well.
CREATE OR REPLACE FUNCTION customer_set_search_text() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := search_fold(
    coalesce(NEW.name, '') || E'\n' || coalesce(NEW.email, '') || E'\n' ||
    coalesce(NEW.phone, '') || E'\n' || coalesce(NEW."externalId", ''));
  RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS customer_search_text ON "Customer";
CREATE TRIGGER customer_search_text BEFORE INSERT OR UPDATE OF name, email, phone, "externalId" ON "Customer"
  FOR EACH ROW EXECUTE FUNCTION customer_set_search_text();

UPDATE "Customer" SET "searchText" = search_fold(
  coalesce(name, '') || E'\n' || coalesce(email, '') || E'\n' ||
  coalesce(phone, '') || E'\n' || coalesce("externalId", ''));

-- Written by hand: merging customers moves the merged one's messages (senderCustomerId) and
-- deletes it, whose foreign-key check reads Message by (workspaceId, senderCustomerId): without
-- an index both scan every message. Partial, so the members' and agents' messages cost nothing.
CREATE INDEX "Message_workspaceId_senderCustomerId_idx" ON "Message"("workspaceId", "senderCustomerId")
  WHERE "senderCustomerId" IS NOT NULL;
