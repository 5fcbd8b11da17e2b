import { z } from "zod";
import { AUDIT_ACTIONS } from "@/server/audit/actions";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { keysetPage, olderThanCursor } from "@/server/db/keyset";
import { pageOutput } from "@/server/trpc/page-output";

const TARGET_TYPES = [
  "workspace",
  "member",
  "invitation",
  "api_key",
  "ai_agent",
  "channel",
  "template",
  "label",
] as const;

export const ListAuditInput = z.object({
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(200).nullish(),
  targetType: z.enum(TARGET_TYPES).nullish(),
});
export type ListAuditInput = z.input<typeof ListAuditInput>;

export const AuditEntryOutput = z.object({
  id: z.string(),
  createdAt: z.string(),
  action: z.enum(AUDIT_ACTIONS).or(z.string()),
  actorName: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  targetLabel: z.string().nullable(),
  data: z.unknown(),
});
export const ListAuditOutput = pageOutput(AuditEntryOutput);
export type ListAuditOutput = z.infer<typeof ListAuditOutput>;

const auditSelect = {
  id: true,
  createdAt: true,
  action: true,
  actorName: true,
  targetType: true,
  targetId: true,
  targetLabel: true,
  data: true,
} satisfies Prisma.AuditEntrySelect;

/** The workspace's audit log, newest first, a keyset page at a time (owners and admins). */
export async function listAudit(db: Db, caller: Caller, params: ListAuditInput): Promise<ListAuditOutput> {
  const { limit, cursor, targetType } = ListAuditInput.parse(params);
  const rows = await db.auditEntry.findMany({
    where: {
      workspaceId: caller.workspaceId,
      ...(targetType ? { targetType } : {}),
      ...(cursor ? olderThanCursor(cursor) : {}),
    },
    select: auditSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const { shown, nextCursor } = keysetPage(rows, limit);
  return { items: shown.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })), nextCursor };
}
