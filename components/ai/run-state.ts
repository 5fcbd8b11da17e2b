import type { RunOutput } from "@/server/ai/schemas";
import type { Locale } from "@/server/connect/schemas";

export type RunTexts = Partial<Record<Locale, string>>;

/**
 * Runs follow the live stream: each `ai-run.updated` event refetches its run (use-live-inbox),
 * and the worker announces a draft's streamed text as it saves it, so a draft streams into the
 * composer with no polling. This slow refetch of a run still queued or running is only there so
 * that a missed event cannot leave it "writing" for good.
 */
export const SAFETY_REFETCH_MS = 20_000;

export function isActive(run: Pick<RunOutput, "status">): boolean {
  return run.status === "queued" || run.status === "running";
}

/** Runs a member asks for about a message; translate and rewrite runs hang off the newest message too. */
export function isAssistRun(run: Pick<RunOutput, "kind">): boolean {
  return run.kind === "reply" || run.kind === "draft";
}

/** A run that leaves its text on the run instead of posting it. */
export function leavesDraft(run: Pick<RunOutput, "output" | "replyMessageId" | "kind">): boolean {
  return run.kind === "draft" || (run.output !== null && run.replyMessageId === null);
}

/**
 * The composer's texts with an AI draft put in: a language's text is replaced only while it is
 * empty or still exactly what the AI put there last, so nothing the member wrote is overwritten.
 */
export function mergeDraftTexts<T extends Record<Locale, string>>(
  current: T,
  incoming: RunTexts,
  lastApplied: RunTexts,
): T {
  const next = { ...current };
  for (const [locale, text] of Object.entries(incoming) as [Locale, string][]) {
    const mine = current[locale];
    if (mine.trim() === "" || mine === lastApplied[locale]) next[locale] = text;
  }
  return next;
}
