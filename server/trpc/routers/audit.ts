import { router } from "@/server/trpc/init";

/** `v1.audit`: filled in by the workspace administration work (issue 14). */
export const auditRouter = router({});
