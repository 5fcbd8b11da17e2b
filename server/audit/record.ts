import type { AuditAction, AuditTargetType } from "@/server/audit/actions";
import type { Caller } from "@/server/auth/caller";
import type { Prisma } from "@/server/db/generated/client";

type Tx = Prisma.TransactionClient;

export type AuditEvent = {
  action: AuditAction;
  target: { type: AuditTargetType; id?: string | null; label?: string | null };
  /** What changed (e.g. `{ from: "agent", to: "admin" }`). Never secrets, never message content. */
  data?: Prisma.InputJsonValue;
};

/**
 * Writes one audit entry, inside the transaction that makes the change, so a change and its
 * entry commit together or not at all. The actor's name is copied: the log still says who it
 * was after they are renamed or removed.
 */
export async function recordAudit(
  tx: Tx,
  caller: Pick<Caller, "workspaceId" | "memberId">,
  event: AuditEvent,
) {
  const actor = await tx.member.findFirst({
    where: { id: caller.memberId, workspaceId: caller.workspaceId },
    select: { user: { select: { name: true } } },
  });
  await tx.auditEntry.create({
    data: {
      workspaceId: caller.workspaceId,
      actorMemberId: caller.memberId,
      actorName: actor?.user.name ?? "",
      action: event.action,
      targetType: event.target.type,
      targetId: event.target.id ?? null,
      targetLabel: event.target.label ?? null,
      data: event.data,
    },
    select: { id: true },
  });
}
