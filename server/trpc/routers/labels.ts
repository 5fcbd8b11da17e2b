import { router } from "@/server/trpc/init";

/** `v1.labels`: filled in by the workspace administration work (issue 14). */
export const labelsRouter = router({});
