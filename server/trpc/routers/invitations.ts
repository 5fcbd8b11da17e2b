import { router } from "@/server/trpc/init";

/** `v1.invitations`: filled in by the workspace administration work (issue 14). */
export const invitationsRouter = router({});
