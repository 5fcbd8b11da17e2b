import { z } from "zod";
import { changeMemberRole } from "@/server/members/change-role";
import { listWorkspaceMembers } from "@/server/members/list";
import { ChangeRoleInput, WorkspaceMemberOutput } from "@/server/members/schemas";
import { adminProcedure, router } from "@/server/trpc/init";

/** `v1.members`: who is in the workspace, and their roles (owners and admins). Removal is `v1.workspace.removeMember`. */
export const membersRouter = router({
  list: adminProcedure
    .output(z.array(WorkspaceMemberOutput))
    .query(({ ctx }) => listWorkspaceMembers(ctx.db, ctx.caller)),
  changeRole: adminProcedure
    .input(ChangeRoleInput)
    .output(WorkspaceMemberOutput)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.caller, input)),
});
