"use client";
import { useId, useState } from "react";
import { trpc } from "@/client/trpc";
import { LabelChip } from "@/components/conversations/label-chip";
import { useConversationLabels } from "@/components/conversations/use-conversation-labels";
import { format, useStrings, useUiLocale } from "@/components/i18n/locale";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { LabelSummary } from "@/server/conversations/schemas";

export type LabelPickerProps = {
  title: string;
  /** The labels that are on (on the conversation, or in the filter). */
  selectedIds: readonly string[];
  onToggle: (label: LabelSummary, on: boolean) => void;
  onClose: () => void;
};

/**
 * The workspace's labels in a small dialog: typing filters them, the arrow keys move, Enter (or a
 * click) puts the active one on or takes it off, and the dialog stays for the next; Escape or
 * Done closes it. Loaded when first opened.
 */
export function LabelPicker({ title, selectedIds, onToggle, onClose }: LabelPickerProps) {
  const t = useStrings("conversations");
  const locale = useUiLocale();
  const labels = trpc.v1.labels.list.useQuery(undefined, { staleTime: 60_000 });
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const ids = { list: useId(), hint: useId() };
  const fold = (text: string) => text.toLocaleLowerCase(locale).normalize("NFKD").replace(/\p{M}/gu, "");
  const matches = (labels.data ?? []).filter((l) => fold(l.name).includes(fold(query.trim())));
  const current = matches[Math.min(active, matches.length - 1)];
  const optionId = (label: LabelSummary) => `${ids.list}-${label.id}`;
  const toggle = (label: LabelSummary) => onToggle(label, !selectedIds.includes(label.id));

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, matches.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (current) toggle(current);
    }
  }

  let empty: string | null = null;
  if (labels.data && labels.data.length === 0) empty = t.labelNoneInWorkspace;
  else if (labels.data && matches.length === 0) empty = format(t.labelNoMatch, { search: query.trim() });

  return (
    <Dialog title={title} onClose={onClose}>
      <p id={ids.hint} className="mt-1 text-sm text-slate-600">
        {t.labelPickerHint}
      </p>
      <input
        type="text"
        role="combobox"
        aria-label={t.labelSearch}
        aria-describedby={ids.hint}
        aria-expanded="true"
        aria-controls={ids.list}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current) : undefined}
        placeholder={t.labelSearch}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        dir="auto"
        className="mt-3 w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm placeholder:text-slate-500 focus:border-blue-600"
      />
      <div
        id={ids.list}
        role="listbox"
        aria-label={t.labels}
        aria-multiselectable="true"
        className="mt-2 max-h-64 overflow-auto"
      >
        {matches.map((label, index) => {
          const on = selectedIds.includes(label.id);
          return (
            <div
              key={label.id}
              id={optionId(label)}
              role="option"
              tabIndex={-1}
              aria-selected={on}
              onMouseEnter={() => setActive(index)}
              onClick={() => toggle(label)}
              onKeyDown={() => {}}
              className={`flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 ${
                label === current ? "bg-blue-50 ring-1 ring-blue-600" : ""
              }`}
            >
              <span
                aria-hidden="true"
                className={`flex size-4 shrink-0 items-center justify-center rounded border text-xs ${
                  on ? "border-blue-700 bg-blue-700 text-white" : "border-slate-400 bg-white"
                }`}
              >
                {on ? "✓" : ""}
              </span>
              <LabelChip name={label.name} color={label.color} />
            </div>
          );
        })}
      </div>
      {empty ? <p className="mt-2 text-sm text-slate-600">{empty}</p> : null}
      <div className="mt-4 flex justify-end">
        <Button onClick={onClose}>{t.done}</Button>
      </div>
    </Dialog>
  );
}

/** The picker for one conversation's labels: each change is saved at once. */
export function ConversationLabelPicker({
  conversationId,
  onClose,
}: {
  conversationId: string;
  onClose: () => void;
}) {
  const t = useStrings("conversations");
  const conversation = trpc.v1.conversations.get.useQuery({ id: conversationId });
  const labels = useConversationLabels(conversationId);
  return (
    <LabelPicker
      title={t.labelPickerTitle}
      selectedIds={(conversation.data?.labels ?? []).map((l) => l.id)}
      onToggle={(label, on) => (on ? labels.add(label) : labels.remove(label))}
      onClose={onClose}
    />
  );
}
