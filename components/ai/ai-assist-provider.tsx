"use client";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { trpc } from "@/client/trpc";
import {
  isActive,
  isAssistRun,
  leavesDraft,
  mergeDraftTexts,
  type RunTexts,
  SAFETY_REFETCH_MS,
} from "@/components/ai/run-state";
import type { Draft } from "@/components/messages/draft-storage";
import { serverMessage } from "@/components/messages/send-error";
import type { RunOutput } from "@/server/ai/schemas";
import type { Locale } from "@/server/connect/schemas";
import type { AgentOutput } from "@/server/workspace/schemas";

const NO_RUNS: RunOutput[] = [];
const LIST_LIMIT = 20;

type Props = {
  conversationId: string;
  updateDraft: (change: (draft: Draft) => Draft) => void;
  /** The composer's text now, per locale. */
  draftText: Draft["text"] | undefined;
  /** Makes the composer a reply to this message and focuses it (the pane's Reply action). */
  replyTo: (messageId: string) => void;
  jumpTo: (messageId: string) => void;
  children: ReactNode;
};

export type AiAssist = {
  agents: AgentOutput[];
  /** The run shown under a message: its latest assist run, unless dismissed or long done. */
  runFor: (messageId: string) => RunOutput | undefined;
  starting: (messageId: string) => boolean;
  startError: (messageId: string) => string | null | undefined;
  /** `kind` "draft" asks a reply-mode agent for a draft for the composer instead of a reply. */
  start: (messageId: string, agentId?: string, kind?: "reply" | "draft") => void;
  retry: (run: RunOutput) => void;
  dismiss: (runId: string) => void;
  insertDraft: (run: RunOutput) => void;
  jumpTo: (messageId: string) => void;
};

const AiAssistContext = createContext<AiAssist | null>(null);
// Apart from the rest, so a keystroke in the composer re-renders only the run cards that read it.
const DraftTextContext = createContext<Draft["text"] | undefined>(undefined);

/** Whether the composer holds this run's draft as written (nothing to put back). */
export function useDraftInComposer(run: RunOutput | undefined): boolean {
  const draftText = useContext(DraftTextContext);
  const texts = run?.output?.texts;
  if (!texts || !draftText) return false;
  return (Object.keys(texts) as Locale[]).every((locale) => draftText[locale] === texts[locale]);
}

export function useAiAssist(): AiAssist | null {
  return useContext(AiAssistContext);
}

function toggle(set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

function firstLocale(texts: RunTexts): Locale | undefined {
  return (Object.keys(texts) as Locale[]).find((locale) => texts[locale]?.trim());
}

/**
 * The conversation's AI runs for the messages on screen. The list is read once; a run still
 * queued or running is then read alone whenever the live stream says it changed, until it
 * finishes.
 */
export function AiAssistProvider({
  conversationId,
  updateDraft,
  draftText,
  replyTo,
  jumpTo,
  children,
}: Props) {
  const utils = trpc.useUtils();
  const agents = trpc.v1.workspace.agents.useQuery(undefined, { staleTime: 60_000 });
  const listInput = useMemo(() => ({ conversationId, limit: LIST_LIMIT }), [conversationId]);
  const list = trpc.v1.ai.runsForConversation.useQuery(listInput, { staleTime: 30_000 });
  const runs = list.data?.items ?? NO_RUNS;
  const activeIds = runs.filter((run) => isActive(run) && isAssistRun(run)).map((run) => run.id);
  const watched = trpc.useQueries((t) =>
    activeIds.map((id) => t.v1.ai.run({ id }, { refetchInterval: SAFETY_REFETCH_MS, staleTime: 0 })),
  );

  const upsert = useCallback(
    (run: RunOutput) =>
      utils.v1.ai.runsForConversation.setData(listInput, (current) => {
        const items = current?.items ?? [];
        const at = items.findIndex((item) => item.id === run.id);
        if (at < 0) return { items: [run, ...items] };
        if (JSON.stringify(items[at]) === JSON.stringify(run)) return current;
        return { items: items.map((item) => (item.id === run.id ? run : item)) };
      }),
    [utils, listInput],
  );

  // A run asked for again must not be put back to its old state by its cached answer.
  const remember = useCallback(
    (run: RunOutput) => {
      utils.v1.ai.run.setData({ id: run.id }, run);
      upsert(run);
    },
    [utils, upsert],
  );

  const watchedKey = watched.map((query) => query.dataUpdatedAt).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again whenever a run is read.
  useEffect(() => {
    for (const query of watched) if (query.data) upsert(query.data);
  }, [watchedKey, upsert]);

  const startedHere = useRef(new Set<string>());
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [starting, setStarting] = useState<ReadonlySet<string>>(new Set());
  const [startErrors, setStartErrors] = useState<Record<string, string | null>>({});

  // A draft started here goes into the composer as it is written; a posted reply is fetched now,
  // even if the live stream is down.
  const applied = useRef(new Map<string, RunTexts>());
  const seenDone = useRef(new Set<string>());
  useEffect(() => {
    for (const run of runs) {
      if (!startedHere.current.has(run.id) || !isAssistRun(run)) continue;
      const texts = run.output?.texts;
      if (texts && leavesDraft(run)) {
        const last = applied.current.get(run.id);
        if (JSON.stringify(last) !== JSON.stringify(texts)) {
          const locale = firstLocale(texts);
          if (!last) replyTo(run.triggerMessageId);
          updateDraft((draft) => ({
            ...draft,
            text: mergeDraftTexts(draft.text, texts, last ?? {}),
            locale: !last && locale ? locale : draft.locale,
          }));
          applied.current.set(run.id, texts);
        }
      }
      if (run.status === "succeeded" && run.replyMessageId && !seenDone.current.has(run.id)) {
        seenDone.current.add(run.id);
        void utils.v1.connect.listMessages.invalidate({ conversationId });
        void utils.v1.messages.thread.invalidate({ messageId: run.triggerMessageId });
      }
    }
  }, [runs, replyTo, updateDraft, utils, conversationId]);

  const assist = trpc.v1.ai.assist.useMutation();
  const retryRun = trpc.v1.ai.retryRun.useMutation();

  const start = useCallback(
    (messageId: string, agentId?: string, kind?: "reply" | "draft") => {
      setStarting((s) => toggle(s, messageId, true));
      setStartErrors(({ [messageId]: _, ...rest }) => rest);
      assist.mutate(
        { messageId, agentId: agentId ?? null, kind: kind ?? null },
        {
          onSuccess: (run) => {
            startedHere.current.add(run.id);
            applied.current.delete(run.id);
            setDismissed((s) => toggle(s, run.id, false));
            remember(run);
          },
          onError: (error) => setStartErrors((e) => ({ ...e, [messageId]: serverMessage(error) })),
          onSettled: () => setStarting((s) => toggle(s, messageId, false)),
        },
      );
    },
    [assist.mutate, remember],
  );

  const value = useMemo<AiAssist>(() => {
    const latest = new Map<string, RunOutput>();
    for (const run of runs) {
      if (isAssistRun(run) && !latest.has(run.triggerMessageId)) latest.set(run.triggerMessageId, run);
    }
    return {
      agents: agents.data ?? [],
      runFor: (messageId) => {
        const run = latest.get(messageId);
        if (!run || dismissed.has(run.id)) return undefined;
        // A reply posted before this page was opened is in the history already.
        if (run.status === "succeeded" && !startedHere.current.has(run.id) && !leavesDraft(run))
          return undefined;
        return run;
      },
      starting: (messageId) => starting.has(messageId),
      startError: (messageId) => startErrors[messageId],
      start,
      retry: (run) => {
        startedHere.current.add(run.id);
        retryRun.mutate({ id: run.id }, { onSuccess: remember, onError: () => void list.refetch() });
      },
      dismiss: (runId) => setDismissed((s) => toggle(s, runId, true)),
      insertDraft: (run) => {
        const texts = run.output?.texts;
        if (!texts) return;
        const locale = firstLocale(texts);
        replyTo(run.triggerMessageId);
        updateDraft((draft) => ({
          ...draft,
          text: { ...draft.text, ...texts },
          locale: locale ?? draft.locale,
        }));
        applied.current.set(run.id, texts);
      },
      jumpTo,
    };
  }, [
    runs,
    agents.data,
    dismissed,
    starting,
    startErrors,
    start,
    retryRun.mutate,
    remember,
    list.refetch,
    replyTo,
    updateDraft,
    jumpTo,
  ]);

  return (
    <AiAssistContext.Provider value={value}>
      <DraftTextContext.Provider value={draftText}>{children}</DraftTextContext.Provider>
    </AiAssistContext.Provider>
  );
}
