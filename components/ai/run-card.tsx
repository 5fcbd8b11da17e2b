"use client";
import type { ReactNode } from "react";
import { useAiAssist, useDraftInComposer } from "@/components/ai/ai-assist-provider";
import { fill } from "@/components/ai/fill";
import { leavesDraft } from "@/components/ai/run-state";
import { useStrings } from "@/components/i18n/locale";
import { SparkleIcon } from "@/components/messages/icons";
import type { RunOutput } from "@/server/ai/schemas";

type State = RunOutput["status"] | "starting" | "start-failed";

const tone: Record<State, string> = {
  starting: "border-violet-200 bg-violet-50 text-violet-900",
  queued: "border-violet-200 bg-violet-50 text-violet-900",
  running: "border-violet-200 bg-violet-50 text-violet-900",
  succeeded: "border-emerald-200 bg-emerald-50 text-emerald-900",
  failed: "border-red-200 bg-red-50 text-red-800",
  "start-failed": "border-red-200 bg-red-50 text-red-800",
};

const linkButton = "ms-1 inline rounded px-1.5 py-0.5 font-medium underline-offset-2 hover:underline";

/** The state of the AI run asked for about a message, shown under it and kept current. */
export function AiRunCard({ messageId }: { messageId: string }) {
  const t = useStrings("ai");
  const assist = useAiAssist();
  const run = assist?.runFor(messageId);
  const draftInComposer = useDraftInComposer(run);
  if (!assist) return null;
  const starting = assist.starting(messageId);
  const startError = assist.startError(messageId);
  if (!run && !starting && startError === undefined) return null;

  const agentName = (id: string | undefined) =>
    assist.agents.find((agent) => agent.id === id)?.name ?? t.assist;
  const agent = agentName(run?.agentId);
  let state: State;
  let text: ReactNode;
  if (starting) {
    state = "starting";
    text = fill(t.queued, { agent: t.assist });
  } else if (startError !== undefined) {
    state = "start-failed";
    text = fill(t.startFailed, { error: startError ?? t.networkFailed });
  } else if (!run) {
    return null;
  } else {
    state = run.status;
    text =
      run.status === "queued"
        ? run.error
          ? fill(t.retrying, { agent, attempt: run.attempts })
          : fill(t.queued, { agent })
        : run.status === "running"
          ? fill(t.running, { agent })
          : run.status === "failed"
            ? fill(t.failed, { agent, error: run.error ?? "" })
            : leavesDraft(run)
              ? fill(t.drafted, { agent })
              : fill(t.replied, { agent });
  }
  const working = state === "starting" || state === "queued" || state === "running";

  return (
    <div
      role={state === "failed" || state === "start-failed" ? "alert" : "status"}
      data-ai-run-status={state}
      data-ai-run-id={run?.id}
      className={`mt-1 flex max-w-full items-start gap-1.5 rounded-lg border px-2 py-1 text-xs ${tone[state]}`}
    >
      <SparkleIcon className={`mt-0.5 size-3.5 shrink-0 ${working ? "animate-pulse" : ""}`} />
      <div className="min-w-0 flex-1 break-words">
        {text}
        {run && state === "failed" ? (
          <button
            type="button"
            onClick={() => assist.retry(run)}
            className="ms-1.5 inline rounded border border-red-300 bg-white px-2 py-0.5 font-medium hover:bg-red-100"
          >
            {t.retry}
          </button>
        ) : null}
        {run && state === "succeeded" && run.replyMessageId ? (
          <button
            type="button"
            className={linkButton}
            onClick={() => run.replyMessageId && assist.jumpTo(run.replyMessageId)}
          >
            {t.showReply}
          </button>
        ) : null}
        {run && state === "succeeded" && leavesDraft(run) && !draftInComposer ? (
          <button type="button" className={linkButton} onClick={() => assist.insertDraft(run)}>
            {t.insertDraft}
          </button>
        ) : null}
        {run && !working ? (
          <button type="button" className={linkButton} onClick={() => assist.dismiss(run.id)}>
            {t.dismiss}
          </button>
        ) : null}
      </div>
    </div>
  );
}
