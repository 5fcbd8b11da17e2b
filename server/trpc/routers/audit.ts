import { ListAuditInput, ListAuditOutput, listAudit } from "@/server/audit/list";
import { adminProcedure, router } from "@/server/trpc/init";

/** `v1.audit`: who changed the workspace's settings, for owners and admins. Read-only by design. */
export const auditRouter = router({
  list: adminProcedure
    .input(ListAuditInput)
    .output(ListAuditOutput)
    .query(({ ctx, input }) => listAudit(ctx.db, ctx.caller, input)),
});
