import { router } from "@/server/trpc/init";
import { accountRouter } from "@/server/trpc/routers/account";
import { aiRouter } from "@/server/trpc/routers/ai";
import { apiKeysRouter } from "@/server/trpc/routers/api-keys";
import { connectRouter } from "@/server/trpc/routers/connect";
import { conversationsRouter } from "@/server/trpc/routers/conversations";
import { liveRouter } from "@/server/trpc/routers/live";
import { messagesRouter } from "@/server/trpc/routers/messages";
import { workspaceRouter } from "@/server/trpc/routers/workspace";

export const appRouter = router({
  v1: router({
    connect: connectRouter,
    account: accountRouter,
    workspace: workspaceRouter,
    conversations: conversationsRouter,
    apiKeys: apiKeysRouter,
    live: liveRouter,
    messages: messagesRouter,
    ai: aiRouter,
  }),
});

export type AppRouter = typeof appRouter;
