"use client";
import { lazy, Suspense } from "react";
import { useAiAssist } from "@/components/ai/ai-assist-provider";

// Most messages never had a run: the card loads with the first one there is to show.
const AiRunCard = lazy(() =>
  import("@/components/ai/run-card").then((module) => ({ default: module.AiRunCard })),
);

/** Under a message: the card of the AI run asked for about it, when there is one. */
export function AiRunStatus({ messageId }: { messageId: string }) {
  const assist = useAiAssist();
  if (!assist) return null;
  const shown =
    assist.runFor(messageId) !== undefined ||
    assist.starting(messageId) ||
    assist.startError(messageId) !== undefined;
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <AiRunCard messageId={messageId} />
    </Suspense>
  );
}
