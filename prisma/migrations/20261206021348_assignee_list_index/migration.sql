-- CreateIndex
CREATE INDEX "Conversation_workspaceId_assigneeId_status_lastMessageAt_id_idx" ON "Conversation"("workspaceId", "assigneeId", "status", "lastMessageAt" DESC, "id" DESC);
