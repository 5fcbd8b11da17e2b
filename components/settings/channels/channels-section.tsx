"use client";
import { useId, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import { useFormatters } from "@/components/i18n/format";
import { format, useStrings } from "@/components/i18n/locale";
import { ChannelDialog } from "@/components/settings/channels/channel-dialog";
import {
  type ChannelErrors,
  channelErrors,
  NO_CHANNEL_ERRORS,
} from "@/components/settings/channels/channel-errors";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { Menu } from "@/components/ui/menu";
import { Notice } from "@/components/ui/notice";
import { rowMenuButton, useReturnFocus } from "@/components/ui/return-focus";
import { Cell, RowHeader, Table, TableHead, TableRow } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { CHANNEL_KINDS, type ChannelKind, type ChannelSettingsOutput } from "@/server/channels/schemas";

export function useKindNames(): Record<ChannelKind, string> {
  const t = useStrings("channels");
  return {
    website: t.kindWebsite,
    email: t.kindEmail,
    api: t.kindApi,
    whatsapp: t.kindWhatsapp,
    sms: t.kindSms,
  };
}

/** The workspace's channels: add one, rename it or change its identifier, archive and restore it. */
export function ChannelsSection() {
  const t = useStrings("channels");
  const channels = trpc.v1.channels.list.useQuery();
  const listId = useId();
  return (
    <div className="space-y-8">
      <p className="max-w-prose text-sm text-slate-600">{t.intro}</p>
      <AddChannel />
      <section aria-labelledby={listId}>
        <h2 id={listId} className="mb-3 text-lg font-semibold">
          {t.listHeading}
        </h2>
        {channels.isPending ? (
          <p className="text-sm text-slate-600">{t.loading}</p>
        ) : channels.isError ? (
          <Notice tone="error">{t.loadFailed}</Notice>
        ) : channels.data.length === 0 ? (
          <p className="text-sm text-slate-600">{t.empty}</p>
        ) : (
          <ChannelsTable channels={channels.data} />
        )}
      </section>
    </div>
  );
}

function AddChannel() {
  const t = useStrings("channels");
  const kinds = useKindNames();
  const toast = useToast();
  const utils = trpc.useUtils();
  const headingId = useId();
  const nameInput = useRef<HTMLInputElement>(null);
  const [fields, setFields] = useState({ name: "", kind: "website" as ChannelKind, identifier: "" });
  const [errors, setErrors] = useState<ChannelErrors>(NO_CHANNEL_ERRORS);
  const create = trpc.v1.channels.create.useMutation({
    onSuccess: (channel) => {
      void utils.v1.channels.list.invalidate();
      void utils.v1.workspace.channels.invalidate();
      setFields({ name: "", kind: fields.kind, identifier: "" });
      setErrors(NO_CHANNEL_ERRORS);
      toast(format(t.added, { name: channel.name }));
      nameInput.current?.focus();
    },
    onError: (error) => setErrors(channelErrors(error, t)),
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
          create.mutate(fields);
        }}
      >
        <TextField
          ref={nameInput}
          label={t.name}
          value={fields.name}
          maxLength={100}
          required
          error={errors.name}
          onChange={(event) => setFields({ ...fields, name: event.target.value })}
        />
        <SelectField
          label={t.kind}
          value={fields.kind}
          options={CHANNEL_KINDS.map((kind) => ({ value: kind, label: kinds[kind] }))}
          onChange={(event) => setFields({ ...fields, kind: event.target.value as ChannelKind })}
        />
        <TextField
          className="sm:col-span-2"
          label={t.identifier}
          hint={t.identifierHint}
          value={fields.identifier}
          dir="ltr"
          maxLength={255}
          required
          autoComplete="off"
          spellCheck={false}
          error={errors.identifier}
          onChange={(event) => setFields({ ...fields, identifier: event.target.value })}
        />
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

function ChannelsTable({ channels }: { channels: ChannelSettingsOutput[] }) {
  const t = useStrings("channels");
  const kinds = useKindNames();
  const formatters = useFormatters();
  const toast = useToast();
  const utils = trpc.useUtils();
  const [editing, setEditing] = useState<ChannelSettingsOutput | null>(null);
  const [archiving, setArchiving] = useState<ChannelSettingsOutput | null>(null);
  const returnFocus = useReturnFocus();
  const backToRow = (id: string) => returnFocus(() => rowMenuButton("channel-id", id));
  const changed = (channel: ChannelSettingsOutput) => {
    utils.v1.channels.list.setData(undefined, (list) =>
      list?.map((c) => (c.id === channel.id ? channel : c)),
    );
    void utils.v1.workspace.channels.invalidate();
  };
  const archive = trpc.v1.channels.archive.useMutation({
    onSuccess: (channel) => {
      changed(channel);
      setArchiving(null);
      backToRow(channel.id);
      toast(format(t.archived, { name: channel.name }));
    },
  });
  const restore = trpc.v1.channels.restore.useMutation({
    onSuccess: (channel) => {
      changed(channel);
      toast(format(t.restored, { name: channel.name }));
    },
    onError: (error) => toast(error.message, "error"),
  });
  return (
    <>
      <Table>
        <TableHead
          columns={[
            { label: t.columnName },
            { label: t.columnKind },
            { label: t.columnIdentifier },
            { label: t.columnStatus },
            { label: t.columnActions, srOnly: true },
          ]}
        />
        <tbody>
          {channels.map((channel) => (
            <TableRow key={channel.id} data-channel-id={channel.id}>
              <RowHeader>{channel.name}</RowHeader>
              <Cell>{kinds[channel.kind]}</Cell>
              <Cell>
                <code dir="ltr" className="rounded bg-slate-100 px-1 font-mono text-xs">
                  {channel.identifier}
                </code>
              </Cell>
              <Cell>
                {channel.archivedAt ? (
                  <span className="text-slate-700">
                    {format(t.archivedOn, { date: formatters.dateTime(channel.archivedAt) })}
                  </span>
                ) : (
                  <span className="rounded-full bg-green-50 px-2 py-0.5 text-green-800">{t.active}</span>
                )}
              </Cell>
              <Cell className="text-end">
                <Menu
                  label={format(t.actionsFor, { name: channel.name })}
                  trigger={t.actions}
                  items={[
                    { label: t.edit, onSelect: () => setEditing(channel) },
                    channel.archivedAt
                      ? { label: t.restore, onSelect: () => restore.mutate({ id: channel.id }) }
                      : { label: t.archive, tone: "danger", onSelect: () => setArchiving(channel) },
                  ]}
                />
              </Cell>
            </TableRow>
          ))}
        </tbody>
      </Table>
      {editing ? (
        <ChannelDialog
          channel={editing}
          onSaved={(channel) => {
            changed(channel);
            setEditing(null);
            backToRow(channel.id);
            toast(format(t.saved, { name: channel.name }));
          }}
          onClose={() => {
            setEditing(null);
            backToRow(editing.id);
          }}
        />
      ) : null}
      {archiving ? (
        <ConfirmDialog
          title={format(t.archiveTitle, { name: archiving.name })}
          body={t.archiveBody}
          confirmLabel={t.archiveConfirm}
          pendingLabel={t.archiving}
          cancelLabel={t.cancel}
          pending={archive.isPending}
          error={archive.error?.message ?? null}
          onConfirm={() => archive.mutate({ id: archiving.id })}
          onClose={() => {
            setArchiving(null);
            backToRow(archiving.id);
            archive.reset();
          }}
        />
      ) : null}
    </>
  );
}
