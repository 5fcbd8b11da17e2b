"use client";
import { keepPreviousData } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import {
  type ConversationFilters as Filters,
  setConversationFilters,
} from "@/components/conversations/filters-store";
import { LabelChip } from "@/components/conversations/label-chip";
import { LazyLabelPicker } from "@/components/conversations/lazy-pickers";
import { SEARCH_INPUT_ID } from "@/components/conversations/use-list-shortcuts";
import { useFormatters } from "@/components/i18n/format";
import { format, useStrings, useUiLocale } from "@/components/i18n/locale";
import { directionOf } from "@/components/i18n/ui-locale";
import { setTitleCount } from "@/components/notifications/tab-title";
import { CONVERSATION_STATUSES } from "@/server/conversations/statuses";

const SEARCH_DEBOUNCE_MS = 250;
export const LIST_PANEL_ID = "conversation-list-panel";

/**
 * How many conversations each status tab holds under the filters; while searching, how many the
 * search finds in each, so the member sees where the hits are.
 */
export function useStatusCounts(filters: Filters) {
  return trpc.v1.conversations.counts.useQuery(
    {
      assignee: filters.assignee,
      channelId: filters.channelId ?? undefined,
      search: filters.search || undefined,
      labelIds: filters.labelIds.length > 0 ? [...filters.labelIds] : undefined,
    },
    { placeholderData: keepPreviousData },
  );
}

type Props = {
  filters: Filters;
  /** ArrowDown in the search box: search now, and focus the first result once it shows. */
  onMoveToResults: (patch: Partial<Filters>) => void;
};

export function ConversationFilters({ filters, onMoveToResults }: Props) {
  return (
    <div className="flex flex-col gap-2 border-b border-slate-200 p-3">
      <SearchBox initial={filters.search} onMoveToResults={onMoveToResults} />
      <StatusTabs filters={filters} />
      <div className="grid grid-cols-2 gap-2">
        <AssigneeSelect value={filters.assignee} />
        <ChannelSelect value={filters.channelId} />
      </div>
      <LabelFilter labelIds={filters.labelIds} />
    </div>
  );
}

function SearchBox({
  initial,
  onMoveToResults,
}: {
  initial: string;
  onMoveToResults: Props["onMoveToResults"];
}) {
  const t = useStrings("conversations");
  const [text, setText] = useState(initial);
  const first = useRef(true);
  // Search words that change from outside (Back to another view, a link): shown in the box.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the filter itself
  useEffect(() => {
    if (initial !== text.trim()) setText(initial);
  }, [initial]);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => setConversationFilters({ search: text.trim() }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <div className="relative">
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        className="pointer-events-none absolute start-2.5 top-1/2 size-4 -translate-y-1/2 text-slate-400"
      >
        <path
          fill="currentColor"
          d="M8.5 3a5.5 5.5 0 0 1 4.38 8.82l3.65 3.65a.75.75 0 1 1-1.06 1.06l-3.65-3.65A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z"
        />
      </svg>
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        aria-label={t.search}
        placeholder={t.searchPlaceholder}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape" && text) {
            event.preventDefault();
            setText("");
            setConversationFilters({ search: "" });
          } else if (event.key === "Enter") {
            setConversationFilters({ search: text.trim() });
          } else if (event.key === "ArrowDown") {
            event.preventDefault();
            onMoveToResults({ search: text.trim() });
          }
        }}
        dir="auto"
        className="w-full rounded-md border border-slate-300 bg-white py-1.5 ps-8 pe-2 text-sm placeholder:text-slate-500 focus:border-blue-600"
      />
    </div>
  );
}

const STATUSES = CONVERSATION_STATUSES;

function StatusTabs({ filters }: { filters: Filters }) {
  const t = useStrings("conversations");
  const locale = useUiLocale();
  const formatters = useFormatters();
  const counts = useStatusCounts(filters);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  useUnreadTitle(counts.data?.unread.open);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = STATUSES.indexOf(filters.status);
    const forward = directionOf(locale) === "rtl" ? "ArrowLeft" : "ArrowRight";
    const backward = directionOf(locale) === "rtl" ? "ArrowRight" : "ArrowLeft";
    let next: number | null = null;
    if (event.key === forward) next = (index + 1) % STATUSES.length;
    else if (event.key === backward) next = (index - 1 + STATUSES.length) % STATUSES.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = STATUSES.length - 1;
    const status = next === null ? undefined : STATUSES[next];
    if (next === null || !status) return;
    event.preventDefault();
    setConversationFilters({ status });
    tabs.current[next]?.focus();
  }

  return (
    <div
      role="tablist"
      aria-label={t.statusFilter}
      onKeyDown={onKeyDown}
      // Four tabs with their counts do not fit a narrow list in every language: they wrap, never truncate.
      className="flex flex-wrap gap-0.5 rounded-lg bg-slate-100 p-0.5"
    >
      {STATUSES.map((status, index) => {
        const selected = status === filters.status;
        // While searching, the counts are the search's hits per status (unread counts there too).
        const count = counts.data?.[status];
        const unread = counts.data?.unread[status] ?? 0;
        const unreadLabel = format(t.unreadCount, { count: formatters.number(unread) });
        return (
          <button
            key={status}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`conversation-tab-${status}`}
            aria-selected={selected}
            aria-controls={LIST_PANEL_ID}
            tabIndex={selected ? 0 : -1}
            onClick={() => setConversationFilters({ status })}
            title={
              count === undefined
                ? t[status]
                : `${t[status]} (${formatters.number(count)}${unread > 0 ? `, ${unreadLabel}` : ""})`
            }
            className={`relative flex flex-auto items-center justify-center gap-1 rounded-md px-1.5 py-1 text-sm ${
              selected
                ? "bg-white font-semibold text-slate-900 shadow-sm"
                : "text-slate-600 hover:text-slate-900"
            }`}
          >
            <span>{t[status]}</span>
            {count === undefined ? null : (
              <span
                data-testid={`count-${status}`}
                className={`shrink-0 rounded-full px-1 text-xs tabular-nums ${selected ? "bg-slate-100 text-slate-700" : "text-slate-600"}`}
              >
                {formatters.number(count)}
              </span>
            )}
            {unread > 0 ? (
              <span
                data-testid={`unread-${status}`}
                // A corner badge, as in mail clients: it takes no room from the tab's name.
                className="absolute -top-1.5 end-0 min-w-4 rounded-full bg-blue-600 px-1 text-center text-[10px] leading-4 font-semibold text-white tabular-nums"
              >
                <span aria-hidden="true">{formatters.number(unread)}</span>
                <span className="sr-only">{unreadLabel}</span>
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}

/** "(3) Inbox · Connect Inbox": the unread open conversations of the view, in the tab's title. */
function useUnreadTitle(unreadOpen: number | undefined) {
  useEffect(() => setTitleCount("conversations", unreadOpen ? `(${unreadOpen})` : ""), [unreadOpen]);
}

const selectClass =
  "w-full min-w-0 truncate rounded-md border border-slate-300 bg-white py-1 ps-2 pe-7 text-sm text-slate-800";

function AssigneeSelect({ value }: { value: string }) {
  const t = useStrings("conversations");
  const members = trpc.v1.workspace.members.useQuery(undefined, { staleTime: 5 * 60_000 });
  const me = trpc.v1.workspace.me.useQuery();
  const others = (members.data ?? []).filter((member) => member.memberId !== me.data?.memberId);
  const isMember = value !== "any" && value !== "me" && value !== "unassigned";
  return (
    <label className="min-w-0">
      <span className="sr-only">{t.assigneeFilter}</span>
      <select
        value={value}
        onChange={(event) => setConversationFilters({ assignee: event.target.value })}
        className={selectClass}
      >
        <option value="any">{t.assigneeAll}</option>
        <option value="me">{t.assigneeMine}</option>
        <option value="unassigned">{t.assigneeUnassigned}</option>
        {others.length > 0 || isMember ? (
          <optgroup label={t.assigneeMembers}>
            {others.map((member) => (
              <option key={member.memberId} value={member.memberId}>
                {member.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </label>
  );
}

function ChannelSelect({ value }: { value: string | null }) {
  const t = useStrings("conversations");
  const channels = trpc.v1.workspace.channels.useQuery(undefined, { staleTime: 5 * 60_000 });
  return (
    <label className="min-w-0">
      <span className="sr-only">{t.channelFilter}</span>
      <select
        value={value ?? ""}
        onChange={(event) => setConversationFilters({ channelId: event.target.value || null })}
        className={selectClass}
      >
        <option value="">{t.channelAll}</option>
        {(channels.data ?? []).map((channel) => (
          <option key={channel.id} value={channel.id}>
            {channel.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The labels the list is filtered by (all of them), each removable, and the picker to choose them. */
function LabelFilter({ labelIds }: { labelIds: readonly string[] }) {
  const t = useStrings("conversations");
  const formatters = useFormatters();
  const [picking, setPicking] = useState(false);
  const labels = trpc.v1.labels.list.useQuery(undefined, {
    enabled: labelIds.length > 0,
    staleTime: 60_000,
  });
  const chosen = labelIds.flatMap((id) => labels.data?.filter((label) => label.id === id) ?? []);
  const toggle = (labelId: string, on: boolean) =>
    setConversationFilters({
      labelIds: on
        ? [...labelIds.filter((id) => id !== labelId), labelId]
        : labelIds.filter((id) => id !== labelId),
    });
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <button
        type="button"
        onClick={() => setPicking(true)}
        aria-haspopup="dialog"
        className="rounded-md border border-slate-300 bg-white px-2 py-0.5 text-sm text-slate-800 hover:bg-slate-50"
      >
        {labelIds.length > 0
          ? format(t.labelFilterCount, { count: formatters.number(labelIds.length) })
          : t.labelFilter}
      </button>
      {chosen.map((label) => (
        <span key={label.id} className="flex min-w-0 items-center">
          <LabelChip name={label.name} color={label.color} size="sm" />
          <button
            type="button"
            onClick={() => toggle(label.id, false)}
            aria-label={format(t.labelFilterRemove, { name: label.name })}
            title={format(t.labelFilterRemove, { name: label.name })}
            className="rounded-full px-1 text-sm leading-4 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
          >
            <span aria-hidden="true">×</span>
          </button>
        </span>
      ))}
      {picking ? (
        <LazyLabelPicker
          title={t.labelFilterTitle}
          selectedIds={labelIds}
          onToggle={(label, on) => toggle(label.id, on)}
          onClose={() => setPicking(false)}
        />
      ) : null}
    </div>
  );
}
