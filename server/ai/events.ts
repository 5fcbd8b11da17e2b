import { publishAfterCommit } from "@/server/events/publish";

/** Tells live views a run changed (state, attempts, streamed text); they read the run themselves. */
export function publishRunUpdated(run: { id: string; workspaceId: string; conversationId: string }): void {
  publishAfterCommit({
    type: "ai-run.updated",
    workspaceId: run.workspaceId,
    conversationId: run.conversationId,
    aiRunId: run.id,
  });
}
