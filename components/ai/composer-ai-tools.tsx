"use client";
import { useState } from "react";
import { fill } from "@/components/ai/fill";
import { useTransform } from "@/components/ai/use-transform";
import { format, useStrings } from "@/components/i18n/locale";
import type { Draft } from "@/components/messages/draft-storage";
import { SparkleIcon } from "@/components/messages/icons";
import { useLanguageNames } from "@/components/messages/locale-choice";

type Props = {
  conversationId: string;
  draft: Draft;
  update: (change: (draft: Draft) => Draft) => void;
  disabled: boolean;
};

const toolButton =
  "flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-violet-700 hover:bg-violet-50 disabled:opacity-50";
const STYLES = ["shorter", "friendlier", "formal"] as const;

/** Translate and Rewrite in the composer's toolbar, with the run's state beside them. */
export function ComposerAiTools({ conversationId, draft, update, disabled }: Props) {
  const t = useStrings("ai");
  const languageName = useLanguageNames();
  const { status, start, dismiss } = useTransform(conversationId, draft, update);
  const [styles, setStyles] = useState(false);
  const [empty, setEmpty] = useState(false);
  const working = status.state === "starting" || status.state === "queued" || status.state === "running";

  function ask(kind: "translate" | "rewrite", style?: (typeof STYLES)[number]) {
    setStyles(false);
    if (draft.text[draft.locale].trim() === "") return setEmpty(true);
    setEmpty(false);
    start(kind, style);
  }

  return (
    <fieldset aria-label={t.aiTools} className="contents" disabled={disabled || working}>
      <button type="button" className={toolButton} title={t.translateHint} onClick={() => ask("translate")}>
        <SparkleIcon className="size-3.5" />
        {t.translate}
      </button>
      <div className="relative">
        <button
          type="button"
          className={toolButton}
          aria-haspopup="menu"
          aria-expanded={styles}
          onClick={() => setStyles((open) => !open)}
        >
          <SparkleIcon className="size-3.5" />
          {t.rewrite}
        </button>
        {styles ? (
          <div
            role="menu"
            aria-label={t.rewrite}
            onKeyDown={(event) => event.key === "Escape" && setStyles(false)}
            className="absolute bottom-full start-0 z-30 mb-1 w-40 rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
          >
            {STYLES.map((style) => (
              <button
                key={style}
                type="button"
                role="menuitem"
                autoFocus={style === "shorter"}
                onClick={() => ask("rewrite", style)}
                className="block w-full rounded-md px-2 py-1.5 text-start text-sm hover:bg-violet-50 focus:bg-violet-50 focus:outline-none"
              >
                {t[style]}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      {empty ? (
        <span role="status" className="text-xs text-slate-500">
          {t.writeFirst}
        </span>
      ) : null}
      {working ? (
        <span
          role="status"
          data-ai-transform="running"
          className="flex items-center gap-1 text-xs text-violet-800"
        >
          <SparkleIcon className="size-3.5 animate-pulse" />
          {status.state === "queued" || status.state === "starting"
            ? t.transformQueued
            : status.kind === "translate"
              ? t.translating
              : t.rewriting}
        </span>
      ) : null}
      {status.state === "done" ? (
        <span
          role="status"
          data-ai-transform="done"
          className="flex items-center gap-1 text-xs text-emerald-800"
        >
          {status.kind === "translate"
            ? format(t.translated, { languages: status.locales.map(languageName).join(", ") })
            : t.rewritten}
          <button type="button" onClick={status.undo} className="rounded px-1 font-medium hover:underline">
            {t.undo}
          </button>
        </span>
      ) : null}
      {status.state === "failed" ? (
        <div
          role="alert"
          data-ai-transform="failed"
          className="flex basis-full items-center gap-2 rounded-md bg-red-50 px-2 py-1 text-xs text-red-800"
        >
          <span className="min-w-0 flex-1 break-words">
            {fill(t.transformFailed, { error: (status.error ?? t.networkFailed).replace(/[.\s]+$/, "") })}
          </span>
          <button
            type="button"
            onClick={dismiss}
            className="shrink-0 rounded px-1 font-medium hover:underline"
          >
            {t.dismiss}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
