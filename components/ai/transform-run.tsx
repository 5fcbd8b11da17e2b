"use client";
import { useEffect, useRef } from "react";
import { fill } from "@/components/ai/fill";
import { type TransformKind, type TransformStyle, useTransform } from "@/components/ai/use-transform";
import { format, useStrings } from "@/components/i18n/locale";
import type { Draft } from "@/components/messages/draft-storage";
import { SparkleIcon } from "@/components/messages/icons";
import { useLanguageNames } from "@/components/messages/locale-choice";

export type TransformRequest = { kind: TransformKind; style?: TransformStyle; nonce: number };

type Props = {
  conversationId: string;
  draft: Draft;
  update: (change: (draft: Draft) => Draft) => void;
  /** The latest Translate or Rewrite asked for: each new one (a new nonce) starts a run. */
  request: TransformRequest;
  onWorking: (working: boolean) => void;
};

/**
 * A Translate or Rewrite run and its state beside the composer's AI tools. Loaded when the member
 * first asks for one, and kept mounted after, so the last result (with its undo) stays shown.
 */
export function TransformRun({ conversationId, draft, update, request, onWorking }: Props) {
  const t = useStrings("ai");
  const languageName = useLanguageNames();
  const { status, start, dismiss } = useTransform(conversationId, draft, update);
  const started = useRef<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: starts once per request, with the draft as it is then.
  useEffect(() => {
    if (started.current === request.nonce) return;
    started.current = request.nonce;
    start(request.kind, request.style);
  }, [request]);
  const working = status.state === "starting" || status.state === "queued" || status.state === "running";
  // Told as the run moves on; the tools were made to wait by the click itself.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per state the run reaches.
  useEffect(() => {
    if (status.state !== "idle") onWorking(working);
  }, [status]);

  return (
    <>
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
    </>
  );
}
