import { z } from "zod";
import { createLabel, deleteLabel, listLabels, updateLabel } from "@/server/labels/labels";
import { CreateLabelInput, LabelIdInput, LabelOutput, UpdateLabelInput } from "@/server/labels/schemas";
import { adminProcedure, memberProcedure, router } from "@/server/trpc/init";

/** `v1.labels`: the workspace's labels; owners and admins change them, every member lists them. */
export const labelsRouter = router({
  list: memberProcedure.output(z.array(LabelOutput)).query(({ ctx }) => listLabels(ctx.db, ctx.caller)),
  create: adminProcedure
    .input(CreateLabelInput)
    .output(LabelOutput)
    .mutation(({ ctx, input }) => createLabel(ctx.db, ctx.caller, input)),
  update: adminProcedure
    .input(UpdateLabelInput)
    .output(LabelOutput)
    .mutation(({ ctx, input }) => updateLabel(ctx.db, ctx.caller, input)),
  delete: adminProcedure
    .input(LabelIdInput)
    .output(z.void())
    .mutation(({ ctx, input }) => deleteLabel(ctx.db, ctx.caller, input)),
});
