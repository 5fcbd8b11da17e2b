"use client";

export function ConversationDetails({ conversationId }: { conversationId: string }) {
  return <div data-conversation={conversationId} className="p-4 text-sm text-slate-500" />;
}
