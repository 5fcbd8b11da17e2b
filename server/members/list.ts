import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import type { WorkspaceMemberOutput } from "@/server/members/schemas";
import { toWorkspaceMember, workspaceMemberSelect } from "@/server/members/select";

/** The workspace's members (removed ones are not), oldest first, for the members settings. */
export async function listWorkspaceMembers(db: Db, caller: Caller): Promise<WorkspaceMemberOutput[]> {
  const rows = await db.member.findMany({
    where: { workspaceId: caller.workspaceId, removedAt: null },
    select: workspaceMemberSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toWorkspaceMember);
}
