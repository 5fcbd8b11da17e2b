import { z } from "zod";
import { LOCALES, type Locale } from "@/server/connect/locales";
import { malformedVariable } from "@/server/templates/variables";

const Id = z.string().trim().min(1).max(100);
const TemplateName = z.string().trim().min(1).max(100);
const Body = z.string().trim().max(5000).nullish();

/**
 * A body per locale (en, ar, tr), at least one; a blank body is no body. Every `{{…}}` must be a
 * variable the renderer understands, so a saved template never sends a half-written one.
 */
export const TemplateContentInput = z
  .object({ en: Body, ar: Body, tr: Body })
  .strict()
  .transform((content) => {
    const bodies: Partial<Record<Locale, string>> = {};
    for (const locale of LOCALES) {
      const body = content[locale];
      if (body) bodies[locale] = body;
    }
    return bodies;
  })
  .superRefine((bodies, ctx) => {
    if (Object.keys(bodies).length === 0) {
      ctx.addIssue({ code: "custom", message: "write the template in at least one of en, ar, tr" });
    }
    for (const locale of LOCALES) {
      const bad = malformedVariable(bodies[locale] ?? "");
      if (bad) {
        ctx.addIssue({
          code: "custom",
          path: [locale],
          message: `${bad} is not a variable; write {{customer.name}} or {{customer.name | "there"}}`,
        });
      }
    }
  });

export const CreateTemplateInput = z.object({ name: TemplateName, content: TemplateContentInput });
export type CreateTemplateInput = z.infer<typeof CreateTemplateInput>;

export const UpdateTemplateInput = z.object({
  id: Id,
  name: TemplateName.optional(),
  content: TemplateContentInput.optional(),
});
export type UpdateTemplateInput = z.infer<typeof UpdateTemplateInput>;

export const TemplateIdInput = z.object({ id: Id });
export type TemplateIdInput = z.infer<typeof TemplateIdInput>;

export const TemplateSettingsOutput = z.object({
  id: z.string(),
  name: z.string(),
  content: z.partialRecord(z.enum(LOCALES), z.string()),
  /** Every variable's path, once each, in order of first use. */
  placeholders: z.array(z.string()),
  /** ISO 8601. */
  updatedAt: z.string(),
});
export type TemplateSettingsOutput = z.infer<typeof TemplateSettingsOutput>;
