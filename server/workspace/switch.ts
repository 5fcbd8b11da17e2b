import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
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
  const member = await db.member.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { workspace: { select: { id: true, name: true, slug: true } } },
  });
  if (!member) throw new TRPCError({ code: "NOT_FOUND", message: "workspaceId: no such workspace" });
  return member.workspace;
}
