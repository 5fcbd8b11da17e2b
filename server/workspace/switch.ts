import type { Db } from "@/server/db/client";
import { notFound } from "@/server/trpc/errors";
import type { WorkspaceSummary } from "@/server/workspace/schemas";

/**
 * The workspace a user may switch to: one they are a member of. Anything else, existing or
 * not, is NOT_FOUND. The caller then stores the choice in the workspace cookie.
 */
export async function findSwitchableWorkspace(
  db: Db,
  userId: string,
  workspaceId: string,
): Promise<WorkspaceSummary> {
  const member = await db.member.findFirst({
    where: { workspaceId, userId, removedAt: null },
    select: { workspace: { select: { id: true, name: true, slug: true } } },
  });
  if (!member) throw notFound("workspaceId", "workspace");
  return member.workspace;
}
