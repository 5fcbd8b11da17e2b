import type { EventBus } from "@/server/events/bus";
import { type InboxEvent, isEphemeral } from "@/server/events/types";

/**
 * One tab's live stream, as presence sees it: which conversation the tab has open (learnt from
 * its own presence events, whichever instance took them), so that it gets only the presence of
 * that conversation, never its member's own; and, when the stream ends, a `left` for it.
 */
export function presenceOfConnection(
  workspaceId: string,
  memberId: string,
  connectionId: string | null | undefined,
) {
  let open: string | null = null;
  return {
    admit(event: InboxEvent): boolean {
      if (!isEphemeral(event)) return true;
      if (event.memberId === memberId) {
        if (connectionId && event.connectionId === connectionId) {
          if (event.activity !== "left") open = event.conversationId;
          else if (open === event.conversationId) open = null;
        }
        return false;
      }
      return open !== null && event.conversationId === open;
    },
    /** Publishes that the tab left what it had open: its stream ended (tab closed, connection lost). */
    async end(bus: EventBus): Promise<void> {
      const conversationId = open;
      open = null;
      if (!conversationId || !connectionId) return;
      await bus.publish({
        type: "presence",
        workspaceId,
        conversationId,
        memberId,
        connectionId,
        activity: "left",
      });
    },
  };
}
