import { TRPCError } from "@trpc/server";
import { recordAudit } from "@/server/audit/record";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import type { ChangeRoleInput, WorkspaceMemberOutput } from "@/server/members/schemas";
import { toWorkspaceMember, workspaceMemberSelect } from "@/server/members/select";
import { notFound } from "@/server/trpc/errors";

function forbidden(message: string): TRPCError {
  return new TRPCError({ code: "FORBIDDEN", message });
}

/**
 * Gives a member another role. Owners change anyone's; admins change agents' and admins' and
 * never make an owner. The last owner cannot be demoted: the owner rows are locked, so two
 * owners demoting each other cannot both succeed.
 */
export async function changeMemberRole(
  db: Db,
  caller: Caller,
  input: ChangeRoleInput,
): Promise<WorkspaceMemberOutput> {
  const { workspaceId } = caller;
  if (caller.role === "agent") throw forbidden("Only workspace owners and admins may do this.");
  if (caller.role !== "owner" && input.role === "owner") {
    throw forbidden("role: only an owner may make someone an owner");
  }
  return db.$transaction(async (tx) => {
    const member = await tx.member.findFirst({
      where: { id: input.memberId, workspaceId, removedAt: null },
      select: { id: true, role: true, user: { select: { name: true, email: true } } },
    });
    if (!member) throw notFound("memberId", "member");
    if (member.role === "owner" && caller.role !== "owner") {
      throw forbidden("memberId: only an owner may change an owner's role");
    }
    if (member.role === "owner" && input.role !== "owner") {
      const owners = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Member"
        WHERE "workspaceId" = ${workspaceId} AND role = 'owner' AND "removedAt" IS NULL
        FOR UPDATE`;
      if (owners.length <= 1) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "role: the last owner cannot be demoted; make someone else an owner first",
        });
      }
    }
    const row = await tx.member.update({
      where: { id: member.id },
      data: { role: input.role },
      select: workspaceMemberSelect,
    });
    if (member.role !== input.role) {
      await recordAudit(tx, caller, {
        action: "member.role_changed",
        target: { type: "member", id: member.id, label: `${member.user.name} <${member.user.email}>` },
        data: { from: member.role, to: input.role },
      });
    }
    return toWorkspaceMember(row);
  });
}
