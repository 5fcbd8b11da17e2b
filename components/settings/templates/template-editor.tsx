"use client";
import { useState } from "react";
import { trpc } from "@/client/trpc";
import { format, useStrings } from "@/components/i18n/locale";
import { directionOf } from "@/components/i18n/ui-locale";
import {
  NO_TEMPLATE_ERRORS,
  type TemplateErrors,
  templateErrors,
} from "@/components/settings/templates/template-errors";
import { TemplatePreview } from "@/components/settings/templates/template-preview";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { LOCALES, type Locale } from "@/server/connect/locales";
import type { TemplateSettingsOutput } from "@/server/templates/schemas";

/** What the composer and this editor's preview fill in (components/messages/use-template-context.ts). */
const VARIABLES = ["customer.name", "customer.email", "conversation.subject", "workspace.name", "agent.name"];

/** Creates a template (no `template`) or edits one: its name, a body per locale, a live preview. */
export function TemplateEditor({
  template,
  onSaved,
  onClose,
}: {
  template: TemplateSettingsOutput | null;
  onSaved: (template: TemplateSettingsOutput, created: boolean) => void;
  onClose: () => void;
}) {
  const t = useStrings("templates");
  const languageNames: Record<Locale, string> = { en: t.english, ar: t.arabic, tr: t.turkish };
  const [name, setName] = useState(template?.name ?? "");
  const [bodies, setBodies] = useState<Record<Locale, string>>({
    en: template?.content.en ?? "",
    ar: template?.content.ar ?? "",
    tr: template?.content.tr ?? "",
  });
  const [errors, setErrors] = useState<TemplateErrors>(NO_TEMPLATE_ERRORS);
  const onError = (error: unknown) => setErrors(templateErrors(error, t));
  const create = trpc.v1.templates.create.useMutation({
    onSuccess: (saved) => onSaved(saved, true),
    onError,
  });
  const update = trpc.v1.templates.update.useMutation({
    onSuccess: (saved) => onSaved(saved, false),
    onError,
  });
  const pending = create.isPending || update.isPending;

  return (
    <Dialog
      size="lg"
      title={template ? format(t.editTitle, { name: template.name }) : t.createTitle}
      onClose={onClose}
    >
      <form
        noValidate
        className="mt-4 space-y-5"
        onSubmit={(event) => {
          event.preventDefault();
          const content = { en: bodies.en, ar: bodies.ar, tr: bodies.tr };
          if (template) update.mutate({ id: template.id, name, content });
          else create.mutate({ name, content });
        }}
      >
        <TextField
          label={t.name}
          value={name}
          maxLength={100}
          required
          error={errors.name}
          onChange={(event) => setName(event.target.value)}
          className="max-w-md"
        />
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium">{t.bodies}</legend>
          <p className="text-xs text-slate-600">
            {t.bodiesHint}{" "}
            {VARIABLES.map((variable) => (
              <code key={variable} dir="ltr" className="me-1 inline-block rounded bg-slate-100 px-1">
                {`{{${variable}}}`}
              </code>
            ))}
            <br />
            {t.fallbackHint}{" "}
            <code dir="ltr" className="inline-block rounded bg-slate-100 px-1">
              {t.fallbackExample}
            </code>
          </p>
          {errors.content ? <Notice tone="error">{errors.content}</Notice> : null}
          {LOCALES.map((locale) => (
            <TextAreaField
              key={locale}
              label={format(t.bodyIn, { language: languageNames[locale] })}
              lang={locale}
              dir={directionOf(locale)}
              value={bodies[locale]}
              maxLength={5000}
              rows={3}
              error={errors.bodies[locale]}
              onChange={(event) => setBodies({ ...bodies, [locale]: event.target.value })}
            />
          ))}
        </fieldset>
        <TemplatePreview bodies={bodies} languageNames={languageNames} />
        {errors.form ? (
          <Notice tone="error">
            {t.serverSaid} <span lang="en">{errors.form}</span>
          </Notice>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{t.cancel}</Button>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? t.saving : t.save}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
