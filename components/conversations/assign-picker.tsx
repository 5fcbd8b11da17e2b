"use client";
import { useId, useState } from "react";
import { trpc } from "@/client/trpc";
import { format, useStrings, useUiLocale } from "@/components/i18n/locale";
import { Dialog } from "@/components/ui/dialog";

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
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const ids = { list: useId(), hint: useId() };
  const fold = (text: string) => text.toLocaleLowerCase(locale).normalize("NFKD").replace(/\p{M}/gu, "");

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
  const search = fold(query.trim());
  const matches = choices.filter((choice) => fold(`${choice.name} ${choice.hint ?? ""}`).includes(search));
  const current = matches[Math.min(active, matches.length - 1)];
  const optionId = (choice: Choice) => `${ids.list}-${choice.id}`;
  const pick = (choice: Choice) => {
    onAssign(choice.assigneeId);
    onClose();
  };

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, matches.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (current) pick(current);
    }
  }

  return (
    <Dialog title={t.assignTitle} onClose={onClose}>
      <p id={ids.hint} className="mt-1 text-sm text-slate-600">
        {t.assignHint}
      </p>
      <input
        type="text"
        role="combobox"
        aria-label={t.assignSearch}
        aria-describedby={ids.hint}
        aria-expanded="true"
        aria-controls={ids.list}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current) : undefined}
        placeholder={t.assignSearch}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        dir="auto"
        className="mt-3 w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm placeholder:text-slate-500 focus:border-blue-600"
      />
      <div id={ids.list} role="listbox" aria-label={t.assignTitle} className="mt-2 max-h-72 overflow-auto">
        {matches.map((choice, index) => {
          const selected = choice.assigneeId === assigneeId;
          return (
            <div
              key={choice.id}
              id={optionId(choice)}
              role="option"
              tabIndex={-1}
              aria-selected={selected}
              onMouseEnter={() => setActive(index)}
              onClick={() => pick(choice)}
              onKeyDown={() => {}}
              className={`flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm ${
                choice === current ? "bg-blue-50 ring-1 ring-blue-600" : ""
              }`}
            >
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
              {selected ? (
                <span className="shrink-0 text-xs font-medium text-blue-800">{t.assignCurrent}</span>
              ) : null}
            </div>
          );
        })}
      </div>
      {members.data && matches.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{format(t.assignNoMatch, { search: query.trim() })}</p>
      ) : null}
    </Dialog>
  );
}
