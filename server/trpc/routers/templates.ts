import { z } from "zod";
import {
  CreateTemplateInput,
  TemplateIdInput,
  TemplateSettingsOutput,
  UpdateTemplateInput,
} from "@/server/templates/schemas";
import {
  createTemplate,
  deleteTemplate,
  listTemplateSettings,
  updateTemplate,
} from "@/server/templates/templates";
import { adminProcedure, memberProcedure, router } from "@/server/trpc/init";

/**
 * `v1.templates`: the canned replies agents insert with `/` and the API sends by `templateId`;
 * owners and admins change them, every member lists them.
 */
export const templatesRouter = router({
  list: memberProcedure
    .output(z.array(TemplateSettingsOutput))
    .query(({ ctx }) => listTemplateSettings(ctx.db, ctx.caller)),
  create: adminProcedure
    .input(CreateTemplateInput)
    .output(TemplateSettingsOutput)
    .mutation(({ ctx, input }) => createTemplate(ctx.db, ctx.caller, input)),
  update: adminProcedure
    .input(UpdateTemplateInput)
    .output(TemplateSettingsOutput)
    .mutation(({ ctx, input }) => updateTemplate(ctx.db, ctx.caller, input)),
  delete: adminProcedure
    .input(TemplateIdInput)
    .output(z.void())
    .mutation(({ ctx, input }) => deleteTemplate(ctx.db, ctx.caller, input)),
});
