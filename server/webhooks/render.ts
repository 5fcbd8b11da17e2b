import { readMessage } from "@/server/connect/message-rows";
import { flatMessageOutput } from "@/server/connect/message-select";
import { conversationSelect, toConversationOutput } from "@/server/conversations/select";
import type { Db } from "@/server/db/client";

/**
 * The `data` of an event recorded without it: a new message or conversation (or one a send
 * reopened, with the changes recorded), read as the API returns it when its first delivery is
 * sent (the send's one statement cannot build it). Null
 * when it is gone (its conversation was deleted meanwhile) or the type always carries its data.
 */
export async function renderEventData(
  db: Db,
  event: { workspaceId: string; eventType: string; subjectId: string; changes: unknown },
): Promise<unknown | null> {
  switch (event.eventType) {
    case "message.created": {
      const row = await readMessage(db.$pool, event.workspaceId, { id: event.subjectId });
      return row ? flatMessageOutput(row) : null;
    }
    case "conversation.created":
    case "conversation.updated": {
      const row = await db.conversation.findFirst({
        where: { id: event.subjectId, workspaceId: event.workspaceId },
        select: conversationSelect,
      });
      if (!row) return null;
      const conversation = toConversationOutput(row);
      return event.eventType === "conversation.updated"
        ? { ...conversation, changes: event.changes }
        : conversation;
    }
    default:
      return null;
  }
}
