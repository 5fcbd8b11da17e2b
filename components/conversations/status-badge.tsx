"use client";
import { useStrings } from "@/components/i18n/locale";
import type { ConversationStatus } from "@/server/conversations/schemas";

const TONE: Record<ConversationStatus, string> = {
  open: "bg-blue-50 text-blue-800 ring-blue-200",
  pending: "bg-amber-50 text-amber-900 ring-amber-200",
  resolved: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  snoozed: "bg-violet-50 text-violet-800 ring-violet-200",
};

export function useStatusLabel(): (status: ConversationStatus) => string {
  const t = useStrings("conversations");
  return (status) => t[status];
}

export function StatusBadge({ status }: { status: ConversationStatus }) {
  const label = useStatusLabel();
  return (
    <span
      data-status={status}
      className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-[11px] font-medium leading-4 ring-1 ring-inset ${TONE[status]}`}
    >
      {label(status)}
    </span>
  );
}
