"use client";
import { trpc } from "@/client/trpc";
import { format, useStrings, useUiLocale } from "@/components/i18n/locale";
import { Dialog } from "@/components/ui/dialog";
import { FilterListbox } from "@/components/ui/filter-listbox";

type Choice = { id: string; assigneeId: string | null; name: string; hint?: string };

/**
 * Assign from the keyboard (A): the member first ("Me"), then "Unassigned", then every other
 * member; typing filters them by name or email, the arrows move, Enter (or a click) assigns and
 * closes, Escape closes. Loaded when first opened.
 */
export function AssignPicker({
  assigneeId,
  onAssign,
  onClose,
}: {
  assigneeId: string | null;
  onAssign: (assigneeId: string | null) => void;
  onClose: () => void;
}) {
  const t = useStrings("presence");
  const c = useStrings("conversations");
  const locale = useUiLocale();
  const members = trpc.v1.workspace.members.useQuery(undefined, { staleTime: 5 * 60_000 });
  const me = trpc.v1.workspace.me.useQuery();
  const myId = me.data?.memberId;
  const mine = members.data?.find((m) => m.memberId === myId);
  const others = (members.data ?? [])
    .filter((m) => m.memberId !== myId)
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const choices: Choice[] = [
    ...(mine
      ? [
          {
            id: "me",
            assigneeId: mine.memberId,
            name: format(t.assignMe, { name: mine.name }),
            hint: mine.email,
          },
        ]
      : []),
    { id: "none", assigneeId: null, name: c.unassigned },
    ...others.map((m) => ({ id: m.memberId, assigneeId: m.memberId, name: m.name, hint: m.email })),
  ];
  const pick = (choice: Choice) => {
    onAssign(choice.assigneeId);
    onClose();
  };

  return (
    <Dialog title={t.assignTitle} onClose={onClose}>
      <FilterListbox
        items={choices}
        itemKey={(choice) => choice.id}
        itemText={(choice) => `${choice.name} ${choice.hint ?? ""}`}
        isSelected={(choice) => choice.assigneeId === assigneeId}
        onChoose={pick}
        labels={{ search: t.assignSearch, hint: t.assignHint, list: t.assignTitle }}
        empty={(search) => (members.data ? format(t.assignNoMatch, { search }) : null)}
        renderItem={(choice) => (
          <>
            <span className="min-w-0 flex-1">
              <span className="block truncate text-slate-900">
                <bdi>{choice.name}</bdi>
              </span>
              {choice.hint ? (
                <span className="block truncate text-xs text-slate-600">
                  <bdi>{choice.hint}</bdi>
                </span>
              ) : null}
            </span>
            {choice.assigneeId === assigneeId ? (
              <span className="shrink-0 text-xs font-medium text-blue-800">{t.assignCurrent}</span>
            ) : null}
          </>
        )}
      />
    </Dialog>
  );
}
