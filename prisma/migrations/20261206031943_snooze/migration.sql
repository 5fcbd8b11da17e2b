-- AlterEnum
ALTER TYPE "ConversationStatus" ADD VALUE 'snoozed';

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "snoozedUntil" TIMESTAMP(3);

-- Written by hand: a snoozed conversation always knows when it wakes, and no other one has a time.
-- (Compared as text: a value added to an enum cannot be used in the transaction that adds it.)
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_snoozed_until"
  CHECK (("status"::text = 'snoozed') = ("snoozedUntil" IS NOT NULL));

-- The sweep's "snoozed conversations due by now", across workspaces: only snoozed rows are in it.
CREATE INDEX "Conversation_snoozedUntil_idx" ON "Conversation" ("snoozedUntil") WHERE "snoozedUntil" IS NOT NULL;
