"use client";

export function ConversationList({ selectedId }: { selectedId: string | null }) {
  return <div data-selected={selectedId ?? ""} className="p-4 text-sm text-slate-500" />;
}
