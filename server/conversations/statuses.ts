// Plain constants, no zod: client components import these, and zod must stay out of the browser bundle.
export const CONVERSATION_STATUSES = ["open", "pending", "resolved", "snoozed"] as const;
export type ConversationStatusName = (typeof CONVERSATION_STATUSES)[number];
