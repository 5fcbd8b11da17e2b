"use client";

export function ConversationPane({ conversationId }: { conversationId: string }) {
  return <div data-conversation={conversationId} className="p-4 text-sm text-slate-500" />;
}
