"use client";
import { useEffect, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import { customerNameOf } from "@/components/conversations/conversation-row";
import { CustomerAvatar } from "@/components/conversations/customer-avatar";
import { readableText } from "@/components/conversations/preview-text";
import { useUiStartAlign } from "@/components/conversations/text-align";
import { CustomerConversationLinks } from "@/components/customers/customer-conversations";
import { CustomerForm } from "@/components/customers/customer-form";
import { moveFocusInList } from "@/components/customers/list-keys";
import { MergeDialog } from "@/components/customers/merge-dialog";
import { useFormatters } from "@/components/i18n/format";
import { useStrings } from "@/components/i18n/locale";
import { Button } from "@/components/ui/button";
import type { CustomerOutput } from "@/server/customers/schemas";

/** A customer's profile: their fields (editable), merging, and their conversations. */
export function CustomerProfile({ customerId }: { customerId: string }) {
  const t = useStrings("customers");
  const customer = trpc.v1.customers.get.useQuery({ id: customerId });
  if (customer.data) return <Profile customer={customer.data} />;
  if (customer.isError) {
    return (
      <p role="alert" className="p-6 text-sm text-slate-700">
        {customer.error.data?.code === "NOT_FOUND" ? t.notFound : t.loadError}
      </p>
    );
  }
  return (
    <p role="status" className="p-6 text-sm text-slate-600">
      {t.loading}
    </p>
  );
}

function Profile({ customer }: { customer: CustomerOutput }) {
  const t = useStrings("customers");
  const formatters = useFormatters();
  const uiStart = useUiStartAlign();
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const name = customerNameOf(customer, t.unnamed);
  // Opened from the list by the keyboard, the profile takes focus only if nothing else has it.
  useEffect(() => {
    if (document.activeElement === document.body) heading.current?.focus();
  }, []);
  const metadata = Object.entries(customer.metadata ?? {});

  return (
    <div className="flex max-w-3xl flex-col gap-6 p-6">
      <section aria-labelledby="customer-name" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center gap-4">
          <CustomerAvatar customerId={customer.id} name={name} image={customer.image} size="lg" />
          <div className="min-w-0 flex-1">
            <h2
              ref={heading}
              id="customer-name"
              tabIndex={-1}
              dir="auto"
              className={`text-xl font-semibold wrap-break-word outline-none ${uiStart}`}
            >
              {name}
            </h2>
            <p className="text-sm text-slate-600">
              {t.customerSince} {formatters.dateTime(customer.createdAt)}
            </p>
          </div>
          {editing ? null : (
            <div className="flex gap-2">
              <Button ref={editButton} onClick={() => setEditing(true)}>
                {t.edit}
              </Button>
              <Button onClick={() => setMerging(true)}>{t.merge}</Button>
            </div>
          )}
        </div>
        {editing ? (
          <CustomerForm
            customer={customer}
            onDone={() => {
              setEditing(false);
              setTimeout(() => editButton.current?.focus(), 0);
            }}
          />
        ) : (
          <dl className="grid grid-cols-[fit-content(40%)_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
            <Field label={t.email}>{customer.email}</Field>
            <Field label={t.phone}>{customer.phone}</Field>
            <Field label={t.externalId}>{customer.externalId}</Field>
            {metadata.map(([key, value]) => (
              <Field key={key} label={<bdi>{key}</bdi>}>
                {readableText(value)}
              </Field>
            ))}
          </dl>
        )}
      </section>
      <Conversations customer={customer} />
      {merging ? <MergeDialog customer={customer} onClose={() => setMerging(false)} /> : null}
    </div>
  );
}

function Field({ label, children }: { label: React.ReactNode; children: React.ReactNode }) {
  const t = useStrings("customers");
  return (
    <>
      <dt className="text-start text-slate-600">{label}</dt>
      <dd dir="auto" className="min-w-0 text-start wrap-anywhere text-slate-900">
        {children || <span className="text-slate-600">{t.none}</span>}
      </dd>
    </>
  );
}

function Conversations({ customer }: { customer: CustomerOutput }) {
  const t = useStrings("customers");
  const formatters = useFormatters();
  const list = useRef<HTMLDivElement>(null);
  const conversations = trpc.v1.customers.conversations.useInfiniteQuery(
    { customerId: customer.id, limit: 20 },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const items = conversations.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="customer-conversations" className="flex flex-col gap-2">
      <h3 id="customer-conversations" className="font-semibold">
        {t.conversations}{" "}
        <span className="text-sm font-normal text-slate-600">
          ({formatters.number(customer.conversationCount)})
        </span>
      </h3>
      {conversations.isPending ? (
        <p role="status" className="text-sm text-slate-600">
          {t.loading}
        </p>
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-600">{t.noConversations}</p>
      ) : (
        <div ref={list}>
          <CustomerConversationLinks
            conversations={items}
            onKeyDown={(event) => moveFocusInList(event, list.current)}
          />
        </div>
      )}
      {conversations.hasNextPage ? (
        <Button
          size="sm"
          className="self-start"
          disabled={conversations.isFetchingNextPage}
          onClick={() => void conversations.fetchNextPage()}
        >
          {conversations.isFetchingNextPage ? t.loading : t.moreConversations}
        </Button>
      ) : null}
    </section>
  );
}
