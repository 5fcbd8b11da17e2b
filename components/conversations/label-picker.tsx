"use client";
import { trpc } from "@/client/trpc";
import { LabelChip } from "@/components/conversations/label-chip";
import { useConversationLabels } from "@/components/conversations/use-conversation-labels";
import { format, useStrings } from "@/components/i18n/locale";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FilterListbox } from "@/components/ui/filter-listbox";
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
  const labels = trpc.v1.labels.list.useQuery(undefined, { staleTime: 60_000 });
  const isOn = (label: LabelSummary) => selectedIds.includes(label.id);
  const empty = (search: string) => {
    if (!labels.data) return null;
    return labels.data.length === 0 ? t.labelNoneInWorkspace : format(t.labelNoMatch, { search });
  };

  return (
    <Dialog title={title} onClose={onClose}>
      <FilterListbox
        items={labels.data ?? []}
        itemKey={(label) => label.id}
        itemText={(label) => label.name}
        isSelected={isOn}
        onChoose={(label) => onToggle(label, !isOn(label))}
        labels={{ search: t.labelSearch, hint: t.labelPickerHint, list: t.labels }}
        multiselectable
        empty={empty}
        renderItem={(label) => (
          <>
            <span
              aria-hidden="true"
              className={`flex size-4 shrink-0 items-center justify-center rounded border text-xs ${
                isOn(label) ? "border-blue-700 bg-blue-700 text-white" : "border-slate-400 bg-white"
              }`}
            >
              {isOn(label) ? "✓" : ""}
            </span>
            <LabelChip name={label.name} color={label.color} />
          </>
        )}
      />
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
