/** What changed, by id only: receivers read the rows themselves, through the same tenancy checks. */
export type InboxEvent =
  | {
      type: "message.created";
      workspaceId: string;
      conversationId: string;
      messageId: string;
      aiRunId: string | null;
    }
  | { type: "conversation.updated"; workspaceId: string; conversationId: string }
  | { type: "ai-run.updated"; workspaceId: string; conversationId: string; aiRunId: string };

export type InboxEventListener = (event: InboxEvent) => void;
