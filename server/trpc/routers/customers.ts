import { listCustomerConversations } from "@/server/customers/conversations";
import { getCustomer } from "@/server/customers/get";
import { listCustomers } from "@/server/customers/list";
import { mergeCustomers } from "@/server/customers/merge";
import {
  CustomerConversationsInput,
  CustomerConversationsOutput,
  CustomerIdInput,
  CustomerOutput,
  ListCustomersInput,
  ListCustomersOutput,
  MergeCustomersInput,
  UpdateCustomerInput,
} from "@/server/customers/schemas";
import { updateCustomer } from "@/server/customers/update";
import { memberProcedure, router } from "@/server/trpc/init";

/** `v1.customers`: the workspace's customers, their profiles and conversations; members edit and merge them. */
export const customersRouter = router({
  list: memberProcedure
    .input(ListCustomersInput)
    .output(ListCustomersOutput)
    .query(({ ctx, input }) => listCustomers(ctx.db, ctx.caller, input)),
  get: memberProcedure
    .input(CustomerIdInput)
    .output(CustomerOutput)
    .query(({ ctx, input }) => getCustomer(ctx.db, ctx.caller, input)),
  conversations: memberProcedure
    .input(CustomerConversationsInput)
    .output(CustomerConversationsOutput)
    .query(({ ctx, input }) => listCustomerConversations(ctx.db, ctx.caller, input)),
  update: memberProcedure
    .input(UpdateCustomerInput)
    .output(CustomerOutput)
    .mutation(({ ctx, input }) => updateCustomer(ctx.db, ctx.caller, input)),
  merge: memberProcedure
    .input(MergeCustomersInput)
    .output(CustomerOutput)
    .mutation(({ ctx, input }) => mergeCustomers(ctx.db, ctx.caller, input)),
});
