"use client";
import { useState } from "react";
import { trpc } from "@/client/trpc";
import { useStatusCounts } from "@/components/conversations/conversation-filters";
import type { ConversationFilters } from "@/components/conversations/filters-store";
import { listOrder } from "@/components/conversations/list-order";
import { clearSelection, selectAllMatching, useSelection } from "@/components/conversations/selection-store";
import { PRESET_LABEL, SNOOZE_PRESETS, snoozePresetTime } from "@/components/conversations/snooze-times";
import { offerUndo } from "@/components/conversations/undo-store";
import { useFormatters } from "@/components/i18n/format";
import { format, useStrings } from "@/components/i18n/locale";
import { serverMessage } from "@/components/messages/send-error";
import type { BulkUpdateInput } from "@/server/conversations/bulk-schemas";
import { CONVERSATION_STATUSES, type ConversationStatusName } from "@/server/conversations/statuses";

// Snoozing takes a time: not offered for a selection yet.
const SETTABLE_STATUSES = CONVERSATION_STATUSES.filter(
  (status): status is Exclude<ConversationStatusName, "snoozed"> => status !== "snoozed",
);

type Change = BulkUpdateInput["change"];

/**
 * Puts focus back on the list once the bar (and the control that had focus) is gone: on the row
 * the selection started from, or, when the change took it out of this view, the row now in its place.
 */
function refocusList(id: string | null, index: number) {
  requestAnimationFrame(() => {
    const rows = [...document.querySelectorAll<HTMLElement>("a[data-conversation-id]")];
    const row =
      rows.find((r) => r.dataset.conversationId === id) ??
      document.querySelector<HTMLElement>(`[data-index="${Math.max(index, 0)}"] a`) ??
      rows.at(-1);
    row?.focus();
  });
}

/**
 * Above the list while rows are selected: how many, "all that match", and the changes that apply
 * to all of them in one request (all or none), then an Undo for a few seconds.
 */
export function BulkBar({ filters }: { filters: ConversationFilters }) {
  const t = useStrings("bulk");
  const tc = useStrings("conversations");
  const formatters = useFormatters();
  const selection = useSelection();
  const utils = trpc.useUtils();
  const members = trpc.v1.workspace.members.useQuery(undefined, { staleTime: 5 * 60_000 });
  const labels = trpc.v1.labels.list.useQuery(undefined, { staleTime: 60_000 });
  const labelOptions = (labels.data ?? []).map((label) => ({ value: label.id, name: label.name }));
  const counts = useStatusCounts(filters);
  const matching = counts.data?.[filters.status] ?? 0;
  const count = selection.all ? matching : selection.ids.size;
  const [error, setError] = useState<string | null>(null);
  const restore = trpc.v1.conversations.bulkRestore.useMutation({
    onSettled: () => void utils.v1.conversations.invalidate(),
  });
  const update = trpc.v1.conversations.bulkUpdate.useMutation();

  function run(change: Change) {
    setError(null);
    const { status, assignee, channelId, search, labelIds } = filters;
    const target = selection.all
      ? { filter: { status, assignee, channelId, search: search || null, labelIds: [...labelIds] } }
      : { ids: [...selection.ids] };
    const anchor = selection.anchor;
    const anchorIndex = anchor ? listOrder().indexOf(anchor) : 0;
    update.mutate(
      { target, change },
      {
        onSuccess: async (result) => {
          // The list as it is now first, so focus lands on a row that stays.
          await utils.v1.conversations.list.invalidate();
          clearSelection();
          refocusList(anchor, anchorIndex);
          void utils.v1.conversations.invalidate();
          if (result.changed === 0) {
            offerUndo(t.nothing, () => {});
            return;
          }
          const message =
            result.changed === 1 ? t.doneOne : format(t.done, { count: formatters.number(result.changed) });
          offerUndo(message, () => restore.mutate({ items: result.previous }));
        },
        onError: (failure) => setError(format(t.failed, { reason: serverMessage(failure) ?? "" })),
      },
    );
  }

  const canSelectAll = !selection.all && matching > selection.ids.size;
  return (
    <fieldset className="flex min-w-0 flex-wrap items-center gap-2 border-b border-blue-200 bg-blue-50 px-3 py-2 text-sm">
      <legend className="sr-only">{t.toolbar}</legend>
      <span role="status" className="font-medium text-slate-900">
        {update.isPending
          ? format(t.working, { count: formatters.number(count) })
          : format(selection.all ? t.allSelected : t.selected, { count: formatters.number(count) })}
      </span>
      {canSelectAll ? (
        <button
          type="button"
          onClick={() => selectAllMatching(listOrder())}
          className="rounded px-1 font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950"
        >
          {format(t.selectAll, { count: formatters.number(matching) })}
        </button>
      ) : null}
      <fieldset className="flex gap-1">
        <legend className="sr-only">{t.setStatus}</legend>
        {SETTABLE_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            disabled={update.isPending}
            onClick={() => run({ status })}
            className="rounded-md border border-slate-300 bg-white px-2 py-0.5 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
          >
            {tc[status]}
          </button>
        ))}
      </fieldset>
      <ActionSelect
        label={tc.snooze}
        disabled={update.isPending}
        options={SNOOZE_PRESETS.map((preset) => ({ value: preset, name: tc[PRESET_LABEL[preset]] }))}
        onPick={(value) => {
          const preset = SNOOZE_PRESETS.find((p) => p === value);
          if (preset) run({ snoozeUntil: snoozePresetTime(preset).toISOString() });
        }}
      />
      <ActionSelect
        label={t.assign}
        disabled={update.isPending}
        options={[
          { value: "none", name: t.unassign },
          ...(members.data ?? []).map((member) => ({ value: member.memberId, name: member.name })),
        ]}
        onPick={(value) => run({ assigneeId: value === "none" ? null : value })}
      />
      {labelOptions.length > 0 ? (
        <>
          <ActionSelect
            label={t.addLabel}
            disabled={update.isPending}
            options={labelOptions}
            onPick={(labelId) => run({ addLabelIds: [labelId] })}
          />
          <ActionSelect
            label={t.removeLabel}
            disabled={update.isPending}
            options={labelOptions}
            onPick={(labelId) => run({ removeLabelIds: [labelId] })}
          />
        </>
      ) : null}
      <button
        type="button"
        onClick={() => {
          clearSelection();
          refocusList(selection.anchor, 0);
        }}
        className="ms-auto rounded-md px-2 py-0.5 font-medium text-slate-700 hover:bg-blue-100"
      >
        {t.clear} <kbd className="ms-1 rounded border border-slate-300 bg-white px-1 text-xs">Esc</kbd>
      </button>
      {error ? (
        <p role="alert" className="basis-full text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A select whose first option names the action; picking another applies it at once. */
function ActionSelect(props: {
  label: string;
  options: { value: string; name: string }[];
  disabled: boolean;
  onPick: (value: string) => void;
}) {
  return (
    <label className="flex items-center">
      <span className="sr-only">{props.label}</span>
      <select
        value=""
        disabled={props.disabled}
        onChange={(event) => {
          if (event.target.value) props.onPick(event.target.value);
        }}
        className="max-w-44 rounded-md border border-slate-300 bg-white px-2 py-0.5 text-slate-800"
      >
        <option value="">{props.label}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}
