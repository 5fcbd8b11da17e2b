"use client";
import { CustomerAvatar } from "@/components/conversations/customer-avatar";
import { keepRowFocus } from "@/components/conversations/filters-store";
import { LabelChips } from "@/components/conversations/label-chip";
import { listOrder } from "@/components/conversations/list-order";
import { PreviewText } from "@/components/conversations/preview-text";
import { selectRange, toggleSelected } from "@/components/conversations/selection-store";
import { StatusBadge } from "@/components/conversations/status-badge";
import { useUiStartAlign } from "@/components/conversations/text-align";
import { useFormatters } from "@/components/i18n/format";
import { format, useStrings } from "@/components/i18n/locale";
import { openConversation } from "@/components/inbox/conversation-route";
import { usePrefetchHistory } from "@/components/messages/use-prefetch-history";
import type { ConversationListItem } from "@/server/conversations/schemas";

type Props = {
  conversation: ConversationListItem;
  selected: boolean;
  /** Picked for a bulk change. */
  checked: boolean;
  /** Some row is picked: every row shows its checkbox. */
  selecting: boolean;
  unread: boolean;
  now: number;
  onMarkUnread: (conversationId: string) => void;
};

export function customerNameOf(customer: { name: string | null; email: string | null }, fallback: string) {
  return customer.name?.trim() || customer.email || fallback;
}

export function ConversationRow({
  conversation,
  selected,
  checked,
  selecting,
  unread,
  now,
  onMarkUnread,
}: Props) {
  const t = useStrings("conversations");
  const tb = useStrings("bulk");
  const formatters = useFormatters();
  const name = customerNameOf(conversation.customer, t.unknownCustomer);
  const uiStart = useUiStartAlign();
  const prefetchHistory = usePrefetchHistory();
  return (
    <div className="group/row relative">
      <a
        href={`/inbox/${conversation.id}`}
        aria-current={selected ? "page" : undefined}
        onPointerDown={() => prefetchHistory(conversation.id)}
        onClick={(event) => {
          // A new tab or window (modifier keys, middle button) loads the page as any link does.
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          event.preventDefault();
          prefetchHistory(conversation.id);
          if (event.currentTarget === document.activeElement) keepRowFocus(conversation.id);
          openConversation(conversation.id, conversation.matchMessageId);
        }}
        data-conversation-id={conversation.id}
        data-unread={unread ? "true" : "false"}
        className={`group flex gap-3 border-b border-slate-100 px-3 py-2.5 outline-offset-[-2px] ${
          checked
            ? "bg-blue-100/70"
            : selected
              ? "bg-blue-50 shadow-[inset_3px_0_0_var(--color-blue-600)] rtl:shadow-[inset_-3px_0_0_var(--color-blue-600)]"
              : "hover:bg-slate-50"
        }`}
      >
        {/* The checkbox takes the avatar's place while it shows, rather than covering its initials. */}
        <span
          className={`shrink-0 ${
            selecting || checked
              ? "invisible"
              : "group-hover/row:invisible group-has-[input:focus]/row:invisible"
          }`}
        >
          <CustomerAvatar
            customerId={conversation.customer.id}
            name={name}
            image={conversation.customer.image}
          />
        </span>
        <span className="flex min-w-0 flex-1 flex-col gap-0.5">
          <span className="flex items-baseline gap-2">
            <span
              dir="auto"
              className={`min-w-0 flex-1 truncate ${uiStart} text-sm ${unread ? "font-semibold text-slate-950" : "font-medium text-slate-700"}`}
              title={name}
            >
              {name}
            </span>
            <time
              dateTime={conversation.lastMessageAt}
              title={formatters.dateTime(conversation.lastMessageAt)}
              className={`shrink-0 text-xs tabular-nums ${unread ? "font-semibold text-blue-700" : "text-slate-600"}`}
            >
              {formatters.relativeTime(conversation.lastMessageAt, now)}
            </time>
          </span>
          <span className="flex items-center gap-2">
            <PreviewText
              content={conversation.lastMessagePreview}
              fallback={t.noPreview}
              className={`block min-w-0 flex-1 truncate ${uiStart} text-sm ${unread ? "text-slate-900" : "text-slate-600"}`}
            />
            {unread ? (
              <span className="flex shrink-0 items-center">
                <span aria-hidden="true" className="size-2 rounded-full bg-blue-600" />
                <span className="sr-only">{t.unread}</span>
              </span>
            ) : null}
          </span>
          <LabelChips labels={conversation.labels} label={t.labels} size="sm" />
          <span className="mt-0.5 flex items-center gap-2 text-xs text-slate-600">
            <StatusBadge status={conversation.status} />
            {conversation.snoozedUntil ? (
              <span className="shrink-0" title={formatters.dateTime(conversation.snoozedUntil)}>
                {format(t.snoozedUntil, { time: formatters.dateTime(conversation.snoozedUntil) })}
              </span>
            ) : null}
            {conversation.channel ? (
              <span className="min-w-0 truncate">{conversation.channel.name}</span>
            ) : null}
            {conversation.assignee ? (
              <span className="ms-auto min-w-0 max-w-[45%] truncate" title={conversation.assignee.name}>
                {conversation.assignee.name}
              </span>
            ) : null}
          </span>
        </span>
      </a>
      {/* Over the avatar: shown on hover, on focus, and while any row is picked. */}
      <input
        type="checkbox"
        checked={checked}
        onChange={() => {}}
        onClick={(event) => {
          if (event.shiftKey) selectRange(listOrder(), conversation.id);
          else toggleSelected(conversation.id);
        }}
        aria-label={format(tb.select, { name })}
        className={`absolute start-[22px] top-5 size-4 cursor-pointer accent-blue-700 ${
          selecting || checked ? "" : "opacity-0 group-hover/row:opacity-100 focus:opacity-100"
        }`}
      />
      {unread ? null : (
        <button
          type="button"
          onClick={() => onMarkUnread(conversation.id)}
          aria-label={`${t.markUnread}: ${name}`}
          title={t.markUnread}
          className="absolute end-2 bottom-2 rounded border border-slate-300 bg-white p-1 text-slate-600 opacity-0 group-hover/row:opacity-100 hover:text-slate-900 focus:opacity-100"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-3.5">
            <circle cx="10" cy="10" r="4" fill="currentColor" />
          </svg>
        </button>
      )}
    </div>
  );
}
