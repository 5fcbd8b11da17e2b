"use client";
import { useState } from "react";
import { trpc } from "@/client/trpc";
import { customerNameOf } from "@/components/conversations/conversation-row";
import { CustomerAvatar } from "@/components/conversations/customer-avatar";
import { LabelChip } from "@/components/conversations/label-chip";
import { LazyConversationLabelPicker } from "@/components/conversations/lazy-pickers";
import { readableText } from "@/components/conversations/preview-text";
import { useUiStartAlign } from "@/components/conversations/text-align";
import { useConversationLabels } from "@/components/conversations/use-conversation-labels";
import { OtherConversations } from "@/components/customers/other-conversations";
import { useFormatters } from "@/components/i18n/format";
import { format, useStrings } from "@/components/i18n/locale";
import type { ConversationOutput } from "@/server/conversations/schemas";

/**
 * The right panel: who the customer is, where the conversation came from, its labels. Its status and
 * assignee are changed in the conversation header (components/conversations/conversation-header.tsx).
 */
export function ConversationDetails({ conversationId }: { conversationId: string }) {
  const t = useStrings("conversations");
  const conversation = trpc.v1.conversations.get.useQuery({ id: conversationId });
  if (conversation.data) return <Details conversation={conversation.data} />;
  if (conversation.isError) {
    return (
      <p role="alert" className="p-4 text-sm text-slate-600">
        {conversation.error.data?.code === "NOT_FOUND" ? t.notFound : t.detailsError}
      </p>
    );
  }
  return (
    <div role="status" className="animate-pulse p-4">
      <span className="sr-only">{t.loading}</span>
      <div aria-hidden="true" className="flex items-center gap-3">
        <div className="size-12 rounded-full bg-slate-200" />
        <div className="flex flex-1 flex-col gap-2">
          <div className="h-3 w-2/3 rounded bg-slate-200" />
          <div className="h-3 w-1/2 rounded bg-slate-100" />
        </div>
      </div>
    </div>
  );
}

function Details({ conversation }: { conversation: ConversationOutput }) {
  const t = useStrings("conversations");
  const formatters = useFormatters();
  const { customer } = conversation;
  const name = customerNameOf(customer, t.unknownCustomer);
  const uiStart = useUiStartAlign();
  const metadata = Object.entries(customer.metadata ?? {})
    .map(([key, value]) => [key, readableText(value)] as const)
    .filter(([, value]) => value !== "");
  return (
    <div className="flex h-full flex-col overflow-y-auto">
      <section aria-labelledby="details-customer-name" className="border-b border-slate-200 p-4">
        <div className="flex items-center gap-3">
          <CustomerAvatar customerId={customer.id} name={name} image={customer.image} size="lg" />
          <div className="min-w-0">
            <h2
              id="details-customer-name"
              dir="auto"
              title={name}
              className={`line-clamp-2 font-semibold wrap-break-word ${uiStart}`}
            >
              {name}
            </h2>
            {conversation.subject ? (
              <p
                dir="auto"
                title={conversation.subject}
                className={`truncate text-sm text-slate-500 ${uiStart}`}
              >
                {conversation.subject}
              </p>
            ) : null}
          </div>
        </div>
      </section>
      <LabelsSection conversation={conversation} />
      <section aria-labelledby="details-conversation" className="border-b border-slate-200 p-4">
        <h3 id="details-conversation" className="mb-2 text-xs font-semibold text-slate-500 uppercase">
          {t.conversation}
        </h3>
        <dl className="grid grid-cols-[fit-content(40%)_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-[13px] leading-5">
          <Field label={t.channel}>
            {conversation.channel ? (
              <>
                {conversation.channel.name}
                <span
                  className={`block truncate text-xs text-slate-500 ${uiStart}`}
                  dir="ltr"
                  title={conversation.channel.identifier}
                >
                  {conversation.channel.identifier}
                </span>
              </>
            ) : (
              <span className="text-slate-500">{t.noChannel}</span>
            )}
          </Field>
          <Field label={t.started}>{formatters.dateTime(conversation.createdAt)}</Field>
          <Field label={t.lastActivity}>{formatters.dateTime(conversation.lastMessageAt)}</Field>
        </dl>
      </section>
      <section aria-labelledby="details-customer" className="border-b border-slate-200 p-4">
        <h3 id="details-customer" className="mb-2 text-xs font-semibold text-slate-500 uppercase">
          {t.customer}
        </h3>
        <dl className="grid grid-cols-[fit-content(40%)_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-[13px] leading-5">
          {customer.email ? (
            <Field label={t.email}>
              <a
                href={`mailto:${customer.email}`}
                dir="ltr"
                className={`block truncate text-blue-700 hover:underline ${uiStart}`}
                title={customer.email}
              >
                {customer.email}
              </a>
            </Field>
          ) : null}
          {customer.phone ? (
            <Field label={t.phone}>
              <a
                href={`tel:${customer.phone.replace(/[^\d+]/g, "")}`}
                dir="ltr"
                className="text-blue-700 hover:underline"
              >
                {customer.phone}
              </a>
            </Field>
          ) : null}
          {customer.externalId ? (
            <Field label={t.externalId}>
              <span
                dir="ltr"
                className={`block truncate font-mono text-xs leading-5 ${uiStart}`}
                title={customer.externalId}
              >
                {customer.externalId}
              </span>
            </Field>
          ) : null}
        </dl>
      </section>
      {metadata.length > 0 ? (
        <section aria-labelledby="details-metadata" className="p-4">
          <h3 id="details-metadata" className="mb-2 text-xs font-semibold text-slate-500 uppercase">
            {t.metadata}
          </h3>
          <dl className="grid grid-cols-[fit-content(40%)_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-[13px] leading-5">
            {metadata.map(([key, value]) => (
              <Field key={key} label={<bdi>{key}</bdi>}>
                <bdi className="wrap-anywhere">{value}</bdi>
              </Field>
            ))}
          </dl>
        </section>
      ) : null}
      <OtherConversations customerId={customer.id} conversationId={conversation.id} />
    </div>
  );
}

/** The conversation's labels, each with a button that takes it off, and the picker to add more. */
function LabelsSection({ conversation }: { conversation: ConversationOutput }) {
  const t = useStrings("conversations");
  const labels = useConversationLabels(conversation.id);
  const [picking, setPicking] = useState(false);
  return (
    <section aria-labelledby="details-labels" className="border-b border-slate-200 p-4">
      <h3 id="details-labels" className="mb-2 text-xs font-semibold text-slate-500 uppercase">
        {t.labels}
      </h3>
      {conversation.labels.length === 0 ? <p className="text-sm text-slate-600">{t.labelNone}</p> : null}
      <ul className="flex flex-wrap gap-1.5">
        {conversation.labels.map((label) => (
          <li key={label.id} className="flex min-w-0 items-center">
            <LabelChip name={label.name} color={label.color} />
            <button
              type="button"
              onClick={() => labels.remove(label)}
              aria-label={format(t.labelRemove, { name: label.name })}
              title={format(t.labelRemove, { name: label.name })}
              className="ms-0.5 rounded-full px-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() => setPicking(true)}
        aria-haspopup="dialog"
        className="mt-2 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50"
      >
        {t.labelsEdit}
      </button>
      {labels.failed ? (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {t.updateErrorUnknown}
        </p>
      ) : null}
      {picking ? (
        <LazyConversationLabelPicker conversationId={conversation.id} onClose={() => setPicking(false)} />
      ) : null}
    </section>
  );
}

function Field({ label, children }: { label: React.ReactNode; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-start text-slate-500 wrap-anywhere">{label}</dt>
      <dd className="min-w-0 text-start text-slate-900">{children}</dd>
    </>
  );
}
