"use client";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useFold } from "@/components/i18n/fold";
import { steerList } from "@/components/ui/list-keys";
import { forgetTypedAhead, typedAhead } from "@/components/ui/typed-ahead";

export type FilterListboxProps<Item> = {
  items: readonly Item[];
  /** A stable key of the item, unique in the list. */
  itemKey: (item: Item) => string;
  /** The text the search matches. */
  itemText: (item: Item) => string;
  isSelected: (item: Item) => boolean;
  renderItem: (item: Item) => ReactNode;
  /** Enter on the active item, or a click. */
  onChoose: (item: Item) => void;
  /** The search field's name (and placeholder), the hint below the title, the list's name. */
  labels: { search: string; hint: string; list: string };
  multiselectable?: boolean;
  /** Shown under the list when nothing matches; `search` is what was typed. */
  empty?: (search: string) => string | null;
};

/**
 * A search field that filters a list below it, as in a dialog's picker (assign, labels): typing
 * filters, ArrowDown/ArrowUp move the active item, Enter (or a click) chooses it. Focus stays in
 * the field; the active item is its `aria-activedescendant`.
 */
export function FilterListbox<Item>({
  items,
  itemKey,
  itemText,
  isSelected,
  renderItem,
  onChoose,
  labels,
  multiselectable = false,
  empty,
}: FilterListboxProps<Item>) {
  const fold = useFold();
  // What was typed while the picker's code loaded, with the caret after it.
  const [query, setQuery] = useState(typedAhead);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    forgetTypedAhead();
    const length = field.current?.value.length ?? 0;
    field.current?.setSelectionRange(length, length);
  }, []);
  const [active, setActive] = useState(0);
  const ids = { list: useId(), hint: useId() };
  const search = fold(query.trim());
  const matches = items.filter((item) => fold(itemText(item)).includes(search));
  const current = matches[Math.min(active, matches.length - 1)];
  const optionId = (item: Item) => `${ids.list}-${itemKey(item)}`;
  const emptyText = matches.length === 0 ? (empty?.(query.trim()) ?? null) : null;

  return (
    <>
      <p id={ids.hint} className="mt-1 text-sm text-slate-600">
        {labels.hint}
      </p>
      <input
        ref={field}
        type="text"
        role="combobox"
        aria-label={labels.search}
        aria-describedby={ids.hint}
        aria-expanded="true"
        aria-controls={ids.list}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current) : undefined}
        placeholder={labels.search}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => steerList(event, matches.length, setActive, () => current && onChoose(current))}
        dir="auto"
        className="mt-3 w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm placeholder:text-slate-500 focus:border-blue-600"
      />
      <div
        id={ids.list}
        role="listbox"
        aria-label={labels.list}
        aria-multiselectable={multiselectable || undefined}
        className="mt-2 max-h-72 overflow-auto"
      >
        {matches.map((item, index) => (
          <div
            key={itemKey(item)}
            id={optionId(item)}
            role="option"
            tabIndex={-1}
            aria-selected={isSelected(item)}
            onMouseEnter={() => setActive(index)}
            onClick={() => onChoose(item)}
            onKeyDown={() => {}}
            className={`flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm ${
              item === current ? "bg-blue-50 ring-1 ring-blue-600" : ""
            }`}
          >
            {renderItem(item)}
          </div>
        ))}
      </div>
      {emptyText ? <p className="mt-2 text-sm text-slate-600">{emptyText}</p> : null}
    </>
  );
}
