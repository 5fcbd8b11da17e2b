import { listMessages } from "@/server/connect/list-messages";
import {
  ListMessagesInput,
  ListMessagesOutput,
  MessageOutput,
  SendMessageInput,
} from "@/server/connect/schemas";
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
    .output(ListMessagesOutput)
    .query(({ ctx, input }) => listMessages(ctx.db, ctx.caller, input)),
});
