"use client";
import { useEffect, useRef, useState } from "react";
import type { z } from "zod";
import { trpc } from "@/client/trpc";
import { isActive, SAFETY_REFETCH_MS } from "@/components/ai/run-state";
import type { Draft } from "@/components/messages/draft-storage";
import { serverMessage } from "@/components/messages/send-error";
import type { RewriteStyle } from "@/server/ai/schemas";
import type { Locale } from "@/server/connect/schemas";

type Texts = Draft["text"];
export type TransformKind = "translate" | "rewrite";
export type TransformStyle = z.infer<typeof RewriteStyle>;
type Request = { kind: TransformKind; before: Texts; locale: Locale };

export type TransformState =
  | { state: "idle" }
  | { state: "starting" | "queued" | "running"; kind: Request["kind"] }
  | { state: "failed"; error: string | null }
  | { state: "done"; kind: Request["kind"]; locales: Locale[]; undo: () => void };

/**
 * Translate or rewrite the composer's text through `v1.ai.transform`: the run is read again
 * whenever the live stream says it changed (and slowly, in case an event is missed) until it
 * finishes, then its text goes into the composer's tabs (with an undo). On failure the
 * composer's text is left as it is.
 */
export function useTransform(
  conversationId: string,
  draft: Draft,
  update: (change: (draft: Draft) => Draft) => void,
) {
  const [runId, setRunId] = useState<string | null>(null);
  const [status, setStatus] = useState<TransformState>({ state: "idle" });
  const request = useRef<Request | null>(null);
  const transform = trpc.v1.ai.transform.useMutation();
  const run = trpc.v1.ai.run.useQuery(
    { id: runId ?? "" },
    {
      enabled: runId !== null,
      staleTime: 0,
      refetchInterval: (query) =>
        query.state.data && !isActive(query.state.data) ? false : SAFETY_REFETCH_MS,
    },
  );

  const data = run.data;
  useEffect(() => {
    const asked = request.current;
    if (!data || data.id !== runId || !asked) return;
    if (isActive(data)) {
      setStatus({ state: data.status === "queued" ? "queued" : "running", kind: asked.kind });
      return;
    }
    setRunId(null);
    request.current = null;
    if (data.status === "failed") {
      setStatus({ state: "failed", error: data.error });
      return;
    }
    const texts = data.output?.texts ?? {};
    const locales = (Object.keys(texts) as Locale[]).filter((locale) => texts[locale]?.trim());
    update((d) => ({ ...d, text: { ...d.text, ...texts } }));
    setStatus({
      state: "done",
      kind: asked.kind,
      locales,
      undo: () => {
        update((d) => ({ ...d, text: asked.before, locale: asked.locale }));
        setStatus({ state: "idle" });
      },
    });
  }, [data, runId, update]);

  function start(kind: TransformKind, style?: TransformStyle) {
    const text = draft.text[draft.locale];
    request.current = { kind, before: draft.text, locale: draft.locale };
    setStatus({ state: "starting", kind });
    transform.mutate(
      { conversationId, text, locale: draft.locale, kind, style: style ?? null },
      {
        onSuccess: (created) => setRunId(created.id),
        onError: (error) => {
          request.current = null;
          setStatus({ state: "failed", error: serverMessage(error) });
        },
      },
    );
  }

  return { status, start, dismiss: () => setStatus({ state: "idle" }) };
}
