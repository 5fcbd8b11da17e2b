"use client";
import { useId, useState } from "react";
import { trpc } from "@/client/trpc";
import { format, useStrings } from "@/components/i18n/locale";
import { directionOf } from "@/components/i18n/ui-locale";
import { useTemplateContext } from "@/components/messages/use-template-context";
import { SelectField, TextField } from "@/components/ui/field";
import { LOCALES, type Locale } from "@/server/connect/locales";
import { type RenderedPart, renderTemplateParts } from "@/server/templates/variables";

/**
 * Each locale's body filled in with a real conversation's values, exactly as the composer fills
 * an inserted template (same context, same renderer); variables left without a value are marked.
 */
export function TemplatePreview({
  bodies,
  languageNames,
}: {
  bodies: Record<Locale, string>;
  languageNames: Record<Locale, string>;
}) {
  const t = useStrings("templates");
  const headingId = useId();
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<string | null>(null);
  const recent = trpc.v1.conversations.list.useQuery(
    { search: search.trim() || null, limit: 20 },
    { placeholderData: (previous) => previous },
  );
  const items = recent.data?.items ?? [];
  const conversationId = items.some((c) => c.id === chosen) ? chosen : (items[0]?.id ?? null);
  const context = useTemplateContext(conversationId);

  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 p-4">
      <h3 id={headingId} className="font-semibold">
        {t.previewHeading}
      </h3>
      <p className="text-sm text-slate-600">{t.previewHint}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          type="search"
          label={t.previewSearch}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        {items.length > 0 ? (
          <SelectField
            label={t.previewConversation}
            value={conversationId ?? ""}
            onChange={(event) => setChosen(event.target.value)}
            options={items.map((c) => ({
              value: c.id,
              label: `${c.customer.name ?? c.customer.email ?? "—"} · ${c.subject ?? t.previewNoSubject}`,
            }))}
          />
        ) : (
          <p className="self-end text-sm text-slate-600">
            {recent.isPending ? t.loading : t.previewNoConversations}
          </p>
        )}
      </div>
      {conversationId ? (
        <dl className="space-y-3" data-template-preview>
          {LOCALES.map((locale) => (
            <PreviewBody
              key={locale}
              locale={locale}
              language={languageNames[locale]}
              parts={renderTemplateParts(bodies[locale], context)}
              empty={bodies[locale].trim() === ""}
            />
          ))}
        </dl>
      ) : null}
    </section>
  );
}

function PreviewBody({
  locale,
  language,
  parts,
  empty,
}: {
  locale: Locale;
  language: string;
  parts: RenderedPart[];
  empty: boolean;
}) {
  const t = useStrings("templates");
  const missing = [
    ...new Set(
      parts.flatMap((p) => (p.kind === "variable" && p.from === "missing" ? [`{{${p.path}}}`] : [])),
    ),
  ];
  return (
    <div data-preview-locale={locale}>
      <dt className="text-sm font-medium text-slate-700">{language}</dt>
      <dd className="mt-1 space-y-1">
        {empty ? (
          <p className="text-sm text-slate-600">{t.previewEmpty}</p>
        ) : (
          <>
            <p
              lang={locale}
              dir={directionOf(locale)}
              className="rounded-md bg-slate-50 px-3 py-2 text-sm whitespace-pre-wrap text-slate-900"
            >
              {parts.map((part, index) =>
                part.kind === "text" ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one text, in order.
                  <span key={index}>{part.text}</span>
                ) : part.from === "missing" ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one text, in order.
                  <mark key={index} dir="ltr" className="rounded-sm bg-amber-200 px-0.5 text-amber-950">
                    {part.source}
                    <span className="sr-only"> ({t.missingValue})</span>
                  </mark>
                ) : (
                  <span
                    // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one text, in order.
                    key={index}
                    title={part.from === "fallback" ? t.fallbackUsed : part.path}
                    className={`rounded-sm px-0.5 ${part.from === "fallback" ? "bg-slate-200" : "bg-green-100"}`}
                  >
                    {part.text}
                  </span>
                ),
              )}
            </p>
            <p className={`text-xs ${missing.length > 0 ? "text-amber-900" : "text-slate-600"}`}>
              {missing.length > 0
                ? format(t.previewMissing, { variables: missing.join(", ") })
                : t.previewAllFilled}
            </p>
          </>
        )}
      </dd>
    </div>
  );
}
