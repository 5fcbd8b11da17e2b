-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "labelCount" INTEGER NOT NULL DEFAULT 0;

-- Written by hand: the count follows the label rows, and the labels' copy of lastMessageAt is moved
-- only for a conversation that has labels (most sends are to conversations without any: their
-- statement then fires no trigger).
UPDATE "Conversation" c SET "labelCount" = l.n
FROM (SELECT "conversationId", count(*)::int AS n FROM "ConversationLabel" GROUP BY "conversationId") l
WHERE c.id = l."conversationId";

CREATE OR REPLACE FUNCTION "conversation_label_count"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "Conversation" SET "labelCount" = "labelCount" + 1 WHERE id = NEW."conversationId";
  ELSE
    -- A conversation being deleted (its labels go with it) is no longer there to update.
    UPDATE "Conversation" SET "labelCount" = "labelCount" - 1 WHERE id = OLD."conversationId";
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS "ConversationLabel_count" ON "ConversationLabel";
CREATE TRIGGER "ConversationLabel_count"
  AFTER INSERT OR DELETE ON "ConversationLabel"
  FOR EACH ROW EXECUTE FUNCTION "conversation_label_count"();

DROP TRIGGER IF EXISTS "Conversation_labels_last_message_at" ON "Conversation";
CREATE TRIGGER "Conversation_labels_last_message_at"
  AFTER UPDATE OF "lastMessageAt" ON "Conversation"
  FOR EACH ROW WHEN (OLD."lastMessageAt" IS DISTINCT FROM NEW."lastMessageAt" AND NEW."labelCount" > 0)
  EXECUTE FUNCTION "conversation_labels_follow_last_message_at"();
