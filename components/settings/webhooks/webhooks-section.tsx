"use client";
import { useId, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import { useFormatters } from "@/components/i18n/format";
import { format, useStrings } from "@/components/i18n/locale";
import { DeliveriesDialog } from "@/components/settings/webhooks/deliveries-dialog";
import { EndpointDialog } from "@/components/settings/webhooks/endpoint-dialog";
import {
  type EndpointDraft,
  type EndpointErrors,
  EndpointFields,
  endpointErrors,
  NO_ENDPOINT_ERRORS,
} from "@/components/settings/webhooks/endpoint-fields";
import { SecretNotice } from "@/components/settings/webhooks/secret-notice";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Menu } from "@/components/ui/menu";
import { Notice } from "@/components/ui/notice";
import { rowMenuButton, useReturnFocus } from "@/components/ui/return-focus";
import { Cell, RowHeader, Table, TableHead, TableRow } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { WEBHOOK_EVENT_TYPES, type WebhookEndpointOutput } from "@/server/webhooks/schemas";

type ShownSecret = { url: string; secret: string };
const NEW_ENDPOINT: EndpointDraft = { url: "", description: "", events: ["message.created"] };

/** The workspace's webhook endpoints: add, edit, pause, rotate the secret, read the delivery log, delete. */
export function WebhooksSection() {
  const t = useStrings("webhooks");
  const endpoints = trpc.v1.webhooks.list.useQuery();
  const listId = useId();
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  return (
    <div className="space-y-8">
      <p className="max-w-prose text-sm text-slate-600">{t.intro}</p>
      {secret ? <SecretNotice {...secret} onDone={() => setSecret(null)} /> : null}
      <AddEndpoint onCreated={setSecret} />
      <section aria-labelledby={listId}>
        <h2 id={listId} tabIndex={-1} data-list-heading className="mb-3 text-lg font-semibold">
          {t.listHeading}
        </h2>
        {endpoints.isPending ? (
          <p className="text-sm text-slate-600">{t.loading}</p>
        ) : endpoints.isError ? (
          <Notice tone="error">{t.loadFailed}</Notice>
        ) : endpoints.data.items.length === 0 ? (
          <p className="text-sm text-slate-600">{t.empty}</p>
        ) : (
          <EndpointsTable endpoints={endpoints.data.items} onSecret={setSecret} />
        )}
      </section>
    </div>
  );
}

function AddEndpoint({ onCreated }: { onCreated: (secret: ShownSecret) => void }) {
  const t = useStrings("webhooks");
  const toast = useToast();
  const utils = trpc.useUtils();
  const headingId = useId();
  const urlInput = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<EndpointDraft>(NEW_ENDPOINT);
  const [errors, setErrors] = useState<EndpointErrors>(NO_ENDPOINT_ERRORS);
  const create = trpc.v1.webhooks.create.useMutation({
    onSuccess: ({ endpoint, secret }) => {
      void utils.v1.webhooks.list.invalidate();
      setDraft(NEW_ENDPOINT);
      setErrors(NO_ENDPOINT_ERRORS);
      toast(t.added);
      onCreated({ url: endpoint.url, secret });
    },
    onError: (error) => setErrors(endpointErrors(error, t)),
  });
  return (
    <section aria-labelledby={headingId} className="max-w-2xl">
      <h2 id={headingId} className="mb-3 text-lg font-semibold">
        {t.addHeading}
      </h2>
      <form
        noValidate
        className="grid gap-4 sm:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          const description = draft.description.trim();
          create.mutate({ url: draft.url, events: draft.events, ...(description ? { description } : {}) });
        }}
      >
        <EndpointFields draft={draft} errors={errors} onChange={setDraft} urlRef={urlInput} />
        {errors.form ? (
          <Notice tone="error" className="sm:col-span-2">
            {t.serverSaid} <span lang="en">{errors.form}</span>
          </Notice>
        ) : null}
        <div>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? t.adding : t.add}
          </Button>
        </div>
      </form>
    </section>
  );
}

function EndpointStatus({ endpoint }: { endpoint: WebhookEndpointOutput }) {
  const t = useStrings("webhooks");
  const formatters = useFormatters();
  if (endpoint.enabled) {
    return (
      <>
        <span className="rounded-full bg-green-50 px-2 py-0.5 text-green-800">{t.enabled}</span>
        {endpoint.failingSince ? (
          <div className="text-xs text-amber-900">
            {format(t.failingSince, { date: formatters.dateTime(endpoint.failingSince) })}
          </div>
        ) : null}
      </>
    );
  }
  const reason =
    endpoint.disabledReason === "gone"
      ? t.disabledGone
      : endpoint.disabledReason === "failing"
        ? t.disabledFailing
        : t.disabledByAdmin;
  return <span className="text-red-800">{reason}</span>;
}

type Pending = { kind: "edit" | "deliveries" | "rotate" | "delete"; endpoint: WebhookEndpointOutput };

function EndpointsTable({
  endpoints,
  onSecret,
}: {
  endpoints: WebhookEndpointOutput[];
  onSecret: (secret: ShownSecret) => void;
}) {
  const t = useStrings("webhooks");
  const toast = useToast();
  const utils = trpc.useUtils();
  const [open, setOpen] = useState<Pending | null>(null);
  const returnFocus = useReturnFocus();
  const backToRow = (id: string) => returnFocus(() => rowMenuButton("webhook-id", id));
  const close = () => {
    if (open) backToRow(open.endpoint.id);
    setOpen(null);
  };
  const changed = (endpoint: WebhookEndpointOutput) =>
    utils.v1.webhooks.list.setData(undefined, (list) =>
      list ? { items: list.items.map((e) => (e.id === endpoint.id ? endpoint : e)) } : list,
    );
  const toggle = trpc.v1.webhooks.update.useMutation({
    onSuccess: (endpoint) => {
      changed(endpoint);
      toast(endpoint.enabled ? t.resumed : t.paused);
    },
    onError: (error) => toast(error.message, "error"),
  });
  const rotate = trpc.v1.webhooks.rotateSecret.useMutation({
    onSuccess: ({ endpoint, secret }) => {
      changed(endpoint);
      setOpen(null);
      onSecret({ url: endpoint.url, secret });
    },
  });
  const remove = trpc.v1.webhooks.delete.useMutation({
    onSuccess: () => {
      setOpen(null);
      // Its row is gone: focus goes to the list's heading rather than to the page.
      returnFocus(() => document.querySelector<HTMLElement>("[data-list-heading]"));
      void utils.v1.webhooks.list.invalidate();
      toast(t.deleted);
    },
  });
  return (
    <>
      <Table>
        <TableHead
          columns={[
            { label: t.columnEndpoint },
            { label: t.columnEvents },
            { label: t.columnStatus },
            { label: t.columnActions, srOnly: true },
          ]}
        />
        <tbody>
          {endpoints.map((endpoint) => (
            <TableRow key={endpoint.id} data-webhook-id={endpoint.id}>
              <RowHeader>
                <span dir="ltr" className="break-all font-mono text-xs">
                  {endpoint.url}
                </span>
                {endpoint.description ? (
                  <div className="text-xs text-slate-600">{endpoint.description}</div>
                ) : null}
              </RowHeader>
              <Cell>
                {endpoint.events.length === WEBHOOK_EVENT_TYPES.length ? (
                  t.allEvents
                ) : (
                  <ul className="font-mono text-xs" dir="ltr">
                    {endpoint.events.map((type) => (
                      <li key={type}>{type}</li>
                    ))}
                  </ul>
                )}
              </Cell>
              <Cell>
                <EndpointStatus endpoint={endpoint} />
              </Cell>
              <Cell className="text-end">
                <Menu
                  label={format(t.actionsFor, { url: endpoint.url })}
                  trigger={t.actions}
                  items={[
                    { label: t.viewDeliveries, onSelect: () => setOpen({ kind: "deliveries", endpoint }) },
                    { label: t.edit, onSelect: () => setOpen({ kind: "edit", endpoint }) },
                    endpoint.enabled
                      ? { label: t.pause, onSelect: () => toggle.mutate({ id: endpoint.id, enabled: false }) }
                      : {
                          label: t.resume,
                          onSelect: () => toggle.mutate({ id: endpoint.id, enabled: true }),
                        },
                    { label: t.rotate, onSelect: () => setOpen({ kind: "rotate", endpoint }) },
                    {
                      label: t.remove,
                      tone: "danger",
                      onSelect: () => setOpen({ kind: "delete", endpoint }),
                    },
                  ]}
                />
              </Cell>
            </TableRow>
          ))}
        </tbody>
      </Table>
      {open?.kind === "edit" ? (
        <EndpointDialog
          endpoint={open.endpoint}
          onSaved={(endpoint) => {
            changed(endpoint);
            close();
            toast(t.saved);
          }}
          onClose={close}
        />
      ) : null}
      {open?.kind === "deliveries" ? <DeliveriesDialog endpoint={open.endpoint} onClose={close} /> : null}
      {open?.kind === "rotate" ? (
        <ConfirmDialog
          tone="primary"
          title={t.rotateTitle}
          body={t.rotateBody}
          confirmLabel={t.rotateConfirm}
          pendingLabel={t.rotating}
          cancelLabel={t.cancel}
          pending={rotate.isPending}
          error={rotate.error?.message ?? null}
          onConfirm={() => rotate.mutate({ id: open.endpoint.id })}
          onClose={() => {
            rotate.reset();
            close();
          }}
        />
      ) : null}
      {open?.kind === "delete" ? (
        <ConfirmDialog
          title={t.deleteTitle}
          body={format(t.deleteBody, { url: open.endpoint.url })}
          confirmLabel={t.deleteConfirm}
          pendingLabel={t.deleting}
          cancelLabel={t.cancel}
          pending={remove.isPending}
          error={remove.error?.message ?? null}
          onConfirm={() => remove.mutate({ id: open.endpoint.id })}
          onClose={() => {
            remove.reset();
            close();
          }}
        />
      ) : null}
    </>
  );
}
