import { messageRows } from "@/server/connect/message-rows";
import { type FlatMessageRow, flatMessageOutput } from "@/server/connect/message-select";
import { conversationSelect, toConversationOutput } from "@/server/conversations/select";
import type { Db } from "@/server/db/client";
import { sql } from "@/server/db/sql";

type RenderedEvent = { workspaceId: string; eventType: string; subjectId: string; changes: unknown };

const key = (workspaceId: string, id: string) => `${workspaceId}/${id}`;

/** Messages as listMessages returns them, by workspace and id: one statement for all of them. */
async function messagesById(db: Db, events: RenderedEvent[]) {
  const rows = await sql<FlatMessageRow & { workspaceId: string }>(
    db.$pool,
    `${messageRows({ extraColumns: `m."workspaceId",` })}
     WHERE (m."workspaceId", m.id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [events.map((e) => e.workspaceId), events.map((e) => e.subjectId)],
  );
  return new Map(rows.map((row) => [key(row.workspaceId, row.id), flatMessageOutput(row)]));
}

/** Conversations as the API returns them, by workspace and id: one query for all of them. */
async function conversationsById(db: Db, events: RenderedEvent[]) {
  const rows = await db.conversation.findMany({
    where: { OR: events.map((e) => ({ id: e.subjectId, workspaceId: e.workspaceId })) },
    select: { ...conversationSelect, workspaceId: true },
  });
  return new Map(rows.map((row) => [key(row.workspaceId, row.id), toConversationOutput(row)]));
}

/**
 * The `data` of events recorded without it, in their order: a new message or conversation (or
 * one a send reopened, with the changes recorded), read as the API returns it when its first
 * delivery is sent (the send's one statement cannot build it); one query per kind of subject,
 * however many events. Null when it is gone (its conversation was deleted meanwhile) or the
 * type always carries its data.
 */
export async function renderEventsData(db: Db, events: RenderedEvent[]): Promise<(unknown | null)[]> {
  const messages = events.filter((e) => e.eventType === "message.created");
  const conversations = events.filter(
    (e) => e.eventType === "conversation.created" || e.eventType === "conversation.updated",
  );
  const [messageById, conversationById] = await Promise.all([
    messages.length > 0 ? messagesById(db, messages) : new Map(),
    conversations.length > 0 ? conversationsById(db, conversations) : new Map(),
  ]);
  return events.map((event) => {
    const subject = key(event.workspaceId, event.subjectId);
    switch (event.eventType) {
      case "message.created":
        return messageById.get(subject) ?? null;
      case "conversation.created":
        return conversationById.get(subject) ?? null;
      case "conversation.updated": {
        const conversation = conversationById.get(subject);
        return conversation ? { ...conversation, changes: event.changes } : null;
      }
      default:
        return null;
    }
  });
}
