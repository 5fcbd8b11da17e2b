import { router } from "@/server/trpc/init";

/** `v1.channels`: filled in by the workspace administration work (issue 14). */
export const channelsRouter = router({});
