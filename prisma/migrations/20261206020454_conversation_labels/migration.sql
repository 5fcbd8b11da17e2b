-- CreateTable
CREATE TABLE "ConversationLabel" (
    "workspaceId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,
    "lastMessageAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationLabel_pkey" PRIMARY KEY ("conversationId","labelId")
);

-- CreateIndex
CREATE INDEX "ConversationLabel_workspaceId_labelId_lastMessageAt_convers_idx" ON "ConversationLabel"("workspaceId", "labelId", "lastMessageAt" DESC, "conversationId" DESC);

-- AddForeignKey
ALTER TABLE "ConversationLabel" ADD CONSTRAINT "ConversationLabel_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationLabel" ADD CONSTRAINT "ConversationLabel_workspaceId_conversationId_fkey" FOREIGN KEY ("workspaceId", "conversationId") REFERENCES "Conversation"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationLabel" ADD CONSTRAINT "ConversationLabel_workspaceId_labelId_fkey" FOREIGN KEY ("workspaceId", "labelId") REFERENCES "Label"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand: a label's copy of its conversation's lastMessageAt is never written by the app.
-- It is taken from the conversation when the label is put on, and follows every change after.
CREATE FUNCTION "conversation_label_take_last_message_at"() RETURNS trigger AS $$
BEGIN
  SELECT c."lastMessageAt" INTO NEW."lastMessageAt" FROM "Conversation" c WHERE c.id = NEW."conversationId";
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ConversationLabel_last_message_at"
  BEFORE INSERT ON "ConversationLabel"
  FOR EACH ROW EXECUTE FUNCTION "conversation_label_take_last_message_at"();

CREATE FUNCTION "conversation_labels_follow_last_message_at"() RETURNS trigger AS $$
BEGIN
  UPDATE "ConversationLabel" SET "lastMessageAt" = NEW."lastMessageAt" WHERE "conversationId" = NEW.id;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Conversation_labels_last_message_at"
  AFTER UPDATE OF "lastMessageAt" ON "Conversation"
  FOR EACH ROW WHEN (OLD."lastMessageAt" IS DISTINCT FROM NEW."lastMessageAt")
  EXECUTE FUNCTION "conversation_labels_follow_last_message_at"();
