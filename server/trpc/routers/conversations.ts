import { bulkRestoreConversations, bulkUpdateConversations } from "@/server/conversations/bulk";
import {
  BulkRestoreInput,
  BulkRestoreOutput,
  BulkUpdateInput,
  BulkUpdateOutput,
} from "@/server/conversations/bulk-schemas";
import { countConversations } from "@/server/conversations/counts";
import { createConversation } from "@/server/conversations/create";
import { getConversation } from "@/server/conversations/get";
import { addConversationLabel, removeConversationLabel } from "@/server/conversations/labels";
import { listConversations } from "@/server/conversations/list";
import { markConversationRead, markConversationUnread } from "@/server/conversations/mark-read";
import {
  ConversationCountsInput,
  ConversationCountsOutput,
  ConversationIdInput,
  ConversationLabelInput,
  ConversationOutput,
  CreateConversationInput,
  ListConversationsInput,
  ListConversationsOutput,
  MarkReadOutput,
  MarkUnreadOutput,
  SnoozeConversationInput,
  UpdateConversationInput,
} from "@/server/conversations/schemas";
import { snoozeConversation } from "@/server/conversations/snooze";
import { updateConversation } from "@/server/conversations/update";
import { memberProcedure, router } from "@/server/trpc/init";

/** The inbox's conversation list and the changes members make to a conversation. */
export const conversationsRouter = router({
  list: memberProcedure
    .input(ListConversationsInput)
    .output(ListConversationsOutput)
    .query(({ ctx, input }) => listConversations(ctx.db, ctx.caller, input)),
  counts: memberProcedure
    .input(ConversationCountsInput)
    .output(ConversationCountsOutput)
    .query(({ ctx, input }) => countConversations(ctx.db, ctx.caller, input)),
  get: memberProcedure
    .input(ConversationIdInput)
    .output(ConversationOutput)
    .query(({ ctx, input }) => getConversation(ctx.db, ctx.caller, input)),
  create: memberProcedure
    .input(CreateConversationInput)
    .output(ConversationOutput)
    .mutation(({ ctx, input }) => createConversation(ctx.db, ctx.caller, input)),
  update: memberProcedure
    .input(UpdateConversationInput)
    .output(ConversationOutput)
    .mutation(({ ctx, input }) => updateConversation(ctx.db, ctx.caller, input)),
  /** Snoozed until `until`, then open again (or at once when the customer writes). */
  snooze: memberProcedure
    .input(SnoozeConversationInput)
    .output(ConversationOutput)
    .mutation(({ ctx, input }) => snoozeConversation(ctx.db, ctx.caller, input)),
  markRead: memberProcedure
    .input(ConversationIdInput)
    .output(MarkReadOutput)
    .mutation(({ ctx, input }) => markConversationRead(ctx.db, ctx.caller, input)),
  markUnread: memberProcedure
    .input(ConversationIdInput)
    .output(MarkUnreadOutput)
    .mutation(({ ctx, input }) => markConversationUnread(ctx.db, ctx.caller, input)),
  addLabel: memberProcedure
    .input(ConversationLabelInput)
    .output(ConversationOutput)
    .mutation(({ ctx, input }) => addConversationLabel(ctx.db, ctx.caller, input)),
  removeLabel: memberProcedure
    .input(ConversationLabelInput)
    .output(ConversationOutput)
    .mutation(({ ctx, input }) => removeConversationLabel(ctx.db, ctx.caller, input)),
  /** One change to up to 1,000 conversations (by id or by the inbox's filters): all or none. */
  bulkUpdate: memberProcedure
    .input(BulkUpdateInput)
    .output(BulkUpdateOutput)
    .mutation(({ ctx, input }) => bulkUpdateConversations(ctx.db, ctx.caller, input)),
  /** Puts back what a bulkUpdate changed (its `previous`): the inbox's undo. */
  bulkRestore: memberProcedure
    .input(BulkRestoreInput)
    .output(BulkRestoreOutput)
    .mutation(({ ctx, input }) => bulkRestoreConversations(ctx.db, ctx.caller, input)),
});
