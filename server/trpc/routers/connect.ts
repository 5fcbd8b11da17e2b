import { listMessages } from "@/server/connect/list-messages";
import { ListMessagesInput, MessageOutput, SendMessageInput } from "@/server/connect/schemas";
import { sendMessage } from "@/server/connect/send-message";
import { memberProcedure, router } from "@/server/trpc/init";

/** The published Connect API: `plato.v1.connect.send.mutate(...)`, `listMessages.query(...)`. */
export const connectRouter = router({
  send: memberProcedure
    .input(SendMessageInput)
    .output(MessageOutput)
    .mutation(({ ctx, input }) => sendMessage(ctx.db, ctx.caller, input, ctx.idempotencyKey)),
  listMessages: memberProcedure
    .input(ListMessagesInput)
    // No output parser here: re-validating 50 messages took a measurable share of every page
    // (npm run bench); listMessages builds each item field by field, typed as the output.
    .query(({ ctx, input }) => listMessages(ctx.db, ctx.caller, input)),
});
