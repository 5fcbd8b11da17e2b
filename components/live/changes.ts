import type { LiveEvent } from "@/server/events/types";

/** What a batch of live events changed, gathered so that each query is refetched once. */
export type Changes = {
  resync: boolean;
  /** The stream (re)started: what changed before it was listening was not announced to it. */
  started: boolean;
  /** conversationId → the new messages' ids */
  messages: Map<string, Set<string>>;
  conversations: Set<string>;
  /** A bulk change touched conversations it does not name: lists, counts and details refetch. */
  bulk: boolean;
  /** conversationId → the changed runs' ids */
  aiRuns: Map<string, Set<string>>;
  /** The member's own notifications: the new ones' ids; `notificationsRead` when some were read. */
  notifications: Set<string>;
  notificationsRead: boolean;
};

export function noChanges(): Changes {
  return {
    resync: false,
    started: false,
    messages: new Map(),
    conversations: new Set(),
    bulk: false,
    aiRuns: new Map(),
    notifications: new Set(),
    notificationsRead: false,
  };
}

function add(ids: Map<string, Set<string>>, key: string, id: string) {
  const set = ids.get(key) ?? new Set<string>();
  set.add(id);
  ids.set(key, set);
}

export function collect(changes: Changes, event: LiveEvent) {
  switch (event.type) {
    case "ready":
      changes.started = true;
      break;
    case "resync":
      changes.resync = true;
      break;
    case "message.created":
      add(changes.messages, event.conversationId, event.messageId);
      break;
    case "conversation.updated":
      changes.conversations.add(event.conversationId);
      break;
    case "conversations.updated":
      changes.bulk = true;
      break;
    case "ai-run.updated":
      add(changes.aiRuns, event.conversationId, event.aiRunId);
      break;
    case "notification.created":
      changes.notifications.add(event.notificationId);
      break;
    case "notifications.read":
      changes.notificationsRead = true;
      break;
  }
}
