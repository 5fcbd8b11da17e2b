import { router } from "@/server/trpc/init";
import { connectRouter } from "@/server/trpc/routers/connect";
import { workspaceRouter } from "@/server/trpc/routers/workspace";

export const appRouter = router({
  v1: router({
    connect: connectRouter,
    workspace: workspaceRouter,
  }),
});

export type AppRouter = typeof appRouter;
