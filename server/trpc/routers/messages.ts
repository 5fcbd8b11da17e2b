import { ThreadInput, ThreadOutput } from "@/server/messages/schemas";
import { getThread } from "@/server/messages/thread";
import { memberProcedure, router } from "@/server/trpc/init";

/** What the inbox's conversation pane needs beyond the published Connect API. */
export const messagesRouter = router({
  thread: memberProcedure
    .input(ThreadInput)
    .output(ThreadOutput)
    .query(({ ctx, input }) => getThread(ctx.db, ctx.caller, input)),
});
