"use client";
import { PreviewText } from "@/components/conversations/preview-text";
import { StatusBadge } from "@/components/conversations/status-badge";
import { useUiStartAlign } from "@/components/conversations/text-align";
import { useFormatters } from "@/components/i18n/format";
import { useStrings } from "@/components/i18n/locale";
import type { CustomerConversationItem } from "@/server/customers/schemas";

/**
 * A customer's conversations as links to the inbox, newest activity first: status, subject, the
 * last message and when. `onOpen` opens one in place (the inbox); without it, the link loads the inbox.
 */
export function CustomerConversationLinks({
  conversations,
  onOpen,
  onKeyDown,
}: {
  conversations: CustomerConversationItem[];
  onOpen?: (conversationId: string) => void;
  onKeyDown?: (event: React.KeyboardEvent<HTMLUListElement>) => void;
}) {
  const t = useStrings("customers");
  const formatters = useFormatters();
  const uiStart = useUiStartAlign();
  return (
    <ul className="flex flex-col gap-1" onKeyDown={onKeyDown}>
      {conversations.map((conversation) => (
        <li key={conversation.id}>
          <a
            href={`/inbox/${encodeURIComponent(conversation.id)}`}
            data-list-link
            onClick={(event) => {
              if (!onOpen || event.metaKey || event.ctrlKey || event.shiftKey) return;
              event.preventDefault();
              onOpen(conversation.id);
            }}
            className="flex flex-col gap-0.5 rounded-md px-2 py-1.5 hover:bg-slate-50"
          >
            <span className="flex items-center gap-2">
              <StatusBadge status={conversation.status} />
              <span
                dir="auto"
                className={`min-w-0 flex-1 truncate text-sm font-medium text-slate-900 ${uiStart}`}
              >
                {conversation.subject || t.noSubject}
              </span>
              <time
                dateTime={conversation.lastMessageAt}
                title={formatters.dateTime(conversation.lastMessageAt)}
                className="shrink-0 text-xs text-slate-600 tabular-nums"
              >
                {formatters.relativeTime(conversation.lastMessageAt)}
              </time>
            </span>
            <PreviewText
              content={conversation.lastMessagePreview}
              fallback={t.noPreview}
              className={`block truncate text-[13px] text-slate-600 ${uiStart}`}
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
