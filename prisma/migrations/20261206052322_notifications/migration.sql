-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('mention', 'assigned', 'customer_message');

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "notifyAssigned" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "notifyCustomerMessage" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "notifyMention" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "conversationId" TEXT NOT NULL,
    "messageId" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_recipientId_createdAt_id_idx" ON "Notification"("recipientId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Notification_createdAt_idx" ON "Notification" USING BRIN ("createdAt");

-- CreateIndex
CREATE INDEX "Notification_workspaceId_conversationId_idx" ON "Notification"("workspaceId", "conversationId");

-- CreateIndex
CREATE INDEX "Notification_workspaceId_messageId_idx" ON "Notification"("workspaceId", "messageId");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_workspaceId_recipientId_fkey" FOREIGN KEY ("workspaceId", "recipientId") REFERENCES "Member"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_workspaceId_actorId_fkey" FOREIGN KEY ("workspaceId", "actorId") REFERENCES "Member"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_workspaceId_conversationId_fkey" FOREIGN KEY ("workspaceId", "conversationId") REFERENCES "Conversation"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_workspaceId_messageId_fkey" FOREIGN KEY ("workspaceId", "messageId") REFERENCES "Message"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand: the unread notifications of a member, newest first: the bell's count walks
-- at most 100 entries of it (server/notifications/count.ts), however many are read.
CREATE INDEX IF NOT EXISTS "Notification_unread_idx" ON "Notification" ("recipientId", "createdAt" DESC)
  WHERE "readAt" IS NULL;
