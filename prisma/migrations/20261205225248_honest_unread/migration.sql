-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "lastCustomerMessageAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ConversationRead" ADD COLUMN     "markedUnread" BOOLEAN NOT NULL DEFAULT false;

-- Written by hand: every conversation's newest customer message as it stands (internal notes are
-- members' own: a customer never writes one).
UPDATE "Conversation" c SET "lastCustomerMessageAt" = m.at
FROM (
  SELECT "conversationId", max("createdAt") AS at FROM "Message"
  WHERE "senderType" = 'customer'
  GROUP BY "conversationId"
) m
WHERE m."conversationId" = c.id;
