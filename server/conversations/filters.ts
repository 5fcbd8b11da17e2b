import type { Caller } from "@/server/auth/caller";
import type { ConversationStatus } from "@/server/conversations/schemas";
import { searchConditionSql } from "@/server/conversations/search";
import { Prisma } from "@/server/db/generated/client";

export type ConversationFilter = {
  status?: ConversationStatus | undefined;
  assignee: string;
  channelId?: string | null | undefined;
  search?: string | null | undefined;
  /** Every one of these labels. */
  labelIds?: string[] | undefined;
};

/** The WHERE condition on conversation `c` for the caller's workspace and the inbox filters. */
export function conversationWhereSql(caller: Caller, filter: ConversationFilter): Prisma.Sql {
  const conditions = [Prisma.sql`c."workspaceId" = ${caller.workspaceId}`];
  if (filter.status) conditions.push(Prisma.sql`c."status" = ${filter.status}::"ConversationStatus"`);
  if (filter.assignee === "me") conditions.push(Prisma.sql`c."assigneeId" = ${caller.memberId}`);
  else if (filter.assignee === "unassigned") conditions.push(Prisma.sql`c."assigneeId" IS NULL`);
  else if (filter.assignee !== "any") conditions.push(Prisma.sql`c."assigneeId" = ${filter.assignee}`);
  if (filter.channelId) conditions.push(Prisma.sql`c."channelId" = ${filter.channelId}`);
  if (filter.search) conditions.push(searchConditionSql(filter.search));
  for (const labelId of new Set(filter.labelIds ?? [])) {
    // The primary key (conversationId, labelId) answers each in one probe.
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "ConversationLabel" cl
      WHERE cl."conversationId" = c."id" AND cl."labelId" = ${labelId})`);
  }
  return Prisma.join(conditions, " AND ");
}
