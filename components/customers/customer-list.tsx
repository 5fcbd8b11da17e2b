"use client";
import { keepPreviousData } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import { customerNameOf } from "@/components/conversations/conversation-row";
import { CustomerAvatar } from "@/components/conversations/customer-avatar";
import { useUiStartAlign } from "@/components/conversations/text-align";
import { moveFocusInList, useDebounced } from "@/components/customers/list-keys";
import { format, useStrings } from "@/components/i18n/locale";
import { useShortcut } from "@/components/keyboard/keyboard-provider";
import { Button } from "@/components/ui/button";
import { CONTROL_CLASS } from "@/components/ui/field";
import type { CustomerListItem } from "@/server/customers/schemas";

/** The workspace's customers, newest first, searched by name, email, phone or external id. */
export function CustomerList({ selectedId }: { selectedId: string | null }) {
  const t = useStrings("customers");
  const [typed, setTyped] = useState("");
  const search = useDebounced(typed);
  const searchBox = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const hintId = useId();
  const customers = trpc.v1.customers.list.useInfiniteQuery(
    { search: search || null, limit: 30 },
    { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData },
  );
  useShortcut("customers.search", () => {
    searchBox.current?.focus();
    searchBox.current?.select();
    return true;
  });
  const items = customers.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-col gap-1 p-4">
        <label htmlFor={`${hintId}-search`} className="text-sm font-medium">
          {t.search}
        </label>
        <input
          ref={searchBox}
          id={`${hintId}-search`}
          type="search"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => moveFocusInList(event, list.current)}
          aria-describedby={hintId}
          aria-controls={`${hintId}-list`}
          autoComplete="off"
          spellCheck={false}
          className={CONTROL_CLASS}
        />
        <p id={hintId} className="text-xs text-slate-600">
          {t.searchHint}
        </p>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-2 pb-4">
        {customers.isPending ? (
          <p role="status" className="px-2 text-sm text-slate-600">
            {t.loading}
          </p>
        ) : customers.isError ? (
          <p role="alert" className="px-2 text-sm text-red-700">
            {t.loadError}
          </p>
        ) : items.length === 0 ? (
          <p role="status" className="px-2 text-sm text-slate-600">
            {search ? format(t.noMatches, { search }) : t.empty}
          </p>
        ) : (
          <ul
            ref={list}
            id={`${hintId}-list`}
            aria-label={t.list}
            className="flex flex-col gap-0.5"
            onKeyDown={(event) => moveFocusInList(event, list.current, searchBox.current)}
          >
            {items.map((customer) => (
              <CustomerLink key={customer.id} customer={customer} selected={customer.id === selectedId} />
            ))}
          </ul>
        )}
        {customers.hasNextPage ? (
          <Button
            className="mx-2 mt-2"
            size="sm"
            disabled={customers.isFetchingNextPage}
            onClick={() => void customers.fetchNextPage()}
          >
            {customers.isFetchingNextPage ? t.loading : t.loadMore}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

function CustomerLink({ customer, selected }: { customer: CustomerListItem; selected: boolean }) {
  const t = useStrings("customers");
  const uiStart = useUiStartAlign();
  const name = customerNameOf(customer, t.unnamed);
  const second = [customer.email, customer.phone, customer.externalId].filter(Boolean).join(" · ");
  return (
    <li>
      <Link
        href={`/customers/${encodeURIComponent(customer.id)}`}
        data-list-link
        aria-current={selected ? "page" : undefined}
        className={`flex items-center gap-3 rounded-md px-2 py-2 ${selected ? "bg-blue-50" : "hover:bg-slate-50"}`}
      >
        <CustomerAvatar customerId={customer.id} name={name} image={customer.image} />
        <span className="flex min-w-0 flex-col">
          <span dir="auto" className={`truncate text-sm font-medium text-slate-900 ${uiStart}`}>
            {name}
          </span>
          {second ? (
            <span dir="ltr" className={`truncate text-xs text-slate-600 ${uiStart}`}>
              {second}
            </span>
          ) : null}
        </span>
      </Link>
    </li>
  );
}
