import { router } from "@/server/trpc/init";

export const connectRouter = router({});
