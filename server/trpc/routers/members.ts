import { router } from "@/server/trpc/init";

/** `v1.members`: filled in by the workspace administration work (issue 14). */
export const membersRouter = router({});
