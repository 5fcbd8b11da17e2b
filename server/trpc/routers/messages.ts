import { attachmentPolicy } from "@/server/attachments/policy";
import { ThreadInput, ThreadOutput, UploadPolicyOutput } from "@/server/messages/schemas";
import { getThread } from "@/server/messages/thread";
import { memberProcedure, router } from "@/server/trpc/init";

/** What the inbox's conversation pane needs beyond the published Connect API. */
export const messagesRouter = router({
  thread: memberProcedure
    .input(ThreadInput)
    .output(ThreadOutput)
    .query(({ ctx, input }) => getThread(ctx.db, ctx.caller, input)),
  /** The limits POST /api/attachments applies, so the composer can refuse a file before uploading it. */
  uploadPolicy: memberProcedure.output(UploadPolicyOutput).query(() => {
    const { maxBytes, maxFiles, allowedTypes } = attachmentPolicy();
    return { maxBytes, maxFiles, allowedTypes: [...allowedTypes] };
  }),
});
