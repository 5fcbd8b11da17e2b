import { router } from "@/server/trpc/init";

/** `v1.templates`: filled in by the workspace administration work (issue 14). */
export const templatesRouter = router({});
