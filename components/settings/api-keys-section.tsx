"use client";
import { useId, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import { useFormatters } from "@/components/i18n/format";
import { format, useStrings } from "@/components/i18n/locale";
import { NewKeyNotice } from "@/components/settings/new-key-notice";
import { NO_ERRORS, type ServerErrors, serverErrors } from "@/components/settings/server-errors";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { Cell, RowHeader, Table, TableHead, TableRow } from "@/components/ui/table";
import type { ApiKeyOutput, CreatedApiKeyOutput } from "@/server/api-keys/schemas";

/** The member's own API keys: create one (shown once), see when each was used, revoke. */
export function ApiKeysSection() {
  const t = useStrings("settings");
  const utils = trpc.useUtils();
  const keys = trpc.v1.apiKeys.list.useQuery();
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<ServerErrors>(NO_ERRORS);
  const [created, setCreated] = useState<CreatedApiKeyOutput | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyOutput | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const keysHeading = useRef<HTMLHeadingElement>(null);
  const ids = { keys: useId() };

  const create = trpc.v1.apiKeys.create.useMutation({
    onSuccess: (key) => {
      const { key: _shownOnce, ...listed } = key;
      utils.v1.apiKeys.list.setData(undefined, (list) => (list ? [listed, ...list] : list));
      setCreated(key);
      setName("");
      setErrors(NO_ERRORS);
    },
    onError: (error) => setErrors(serverErrors(error, ["name"])),
  });
  const revoke = trpc.v1.apiKeys.revoke.useMutation({
    onSuccess: (revoked) => {
      utils.v1.apiKeys.list.setData(undefined, (list) =>
        list?.map((key) => (key.id === revoked.id ? revoked : key)),
      );
      setRevoking(null);
      // The Revoke button that had focus is gone with the key's active state.
      requestAnimationFrame(() => keysHeading.current?.focus());
    },
  });
  const nameError = errors.fields.name;

  return (
    <div className="space-y-8">
      <p className="max-w-prose text-sm text-slate-600">{t.apiKeysIntro}</p>

      {created ? (
        <NewKeyNotice
          created={created}
          onDone={() => {
            setCreated(null);
            requestAnimationFrame(() => nameInput.current?.focus());
          }}
        />
      ) : null}

      <form
        noValidate
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name });
        }}
      >
        <TextField
          ref={nameInput}
          className="min-w-64"
          label={t.keyName}
          hint={t.keyNameHint}
          error={
            nameError ? (
              <>
                {t.fieldError} <span lang="en">{nameError}</span>
              </>
            ) : null
          }
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
          maxLength={100}
        />
        <Button
          type="submit"
          disabled={create.isPending}
          variant="primary"
          className={nameError ? "mb-12" : "mb-5"}
        >
          {create.isPending ? t.creating : t.createKey}
        </Button>
        {errors.form ? (
          <p role="alert" className="basis-full text-sm text-red-700">
            {t.formError} <span lang="en">{errors.form}</span>
          </p>
        ) : null}
      </form>

      <section aria-labelledby={ids.keys}>
        <h2 id={ids.keys} ref={keysHeading} tabIndex={-1} className="mb-3 text-lg font-semibold">
          {t.yourKeys}
        </h2>
        {keys.isPending ? (
          <p className="text-sm text-slate-500">{t.loading}</p>
        ) : keys.isError ? (
          <p role="alert" className="text-sm text-red-700">
            {t.loadFailed}
          </p>
        ) : keys.data.length === 0 ? (
          <p className="text-sm text-slate-500">{t.noKeys}</p>
        ) : (
          <KeysTable keys={keys.data} onRevoke={setRevoking} />
        )}
      </section>

      {revoking ? (
        <ConfirmDialog
          title={t.revokeTitle}
          body={format(t.revokeBody, { name: revoking.name })}
          confirmLabel={t.revokeConfirm}
          cancelLabel={t.cancel}
          pendingLabel={t.revoking}
          pending={revoke.isPending}
          error={revoke.error?.message ?? null}
          onConfirm={() => revoke.mutate({ id: revoking.id })}
          onClose={() => {
            setRevoking(null);
            revoke.reset();
          }}
        />
      ) : null}
    </div>
  );
}

function KeysTable({ keys, onRevoke }: { keys: ApiKeyOutput[]; onRevoke: (key: ApiKeyOutput) => void }) {
  const t = useStrings("settings");
  const formatters = useFormatters();
  const date = (iso: string) => <time dateTime={iso}>{formatters.dateTime(iso)}</time>;
  return (
    <Table>
      <TableHead
        columns={[
          { label: t.columnName },
          { label: t.columnPrefix },
          { label: t.columnCreated },
          { label: t.columnLastUsed },
          { label: t.columnStatus },
          { label: t.columnActions, srOnly: true },
        ]}
      />
      <tbody>
        {keys.map((key) => (
          <TableRow key={key.id} data-api-key-id={key.id}>
            <RowHeader>{key.name}</RowHeader>
            <Cell>
              <code dir="ltr" className="rounded bg-slate-100 px-1 font-mono text-xs">
                {key.prefix}…
              </code>
            </Cell>
            <Cell>{date(key.createdAt)}</Cell>
            <Cell>{key.lastUsedAt ? date(key.lastUsedAt) : t.never}</Cell>
            <Cell>
              {key.revokedAt ? (
                <span className="text-slate-500">
                  {format(t.revokedOn, { date: formatters.dateTime(key.revokedAt) })}
                </span>
              ) : (
                <span className="rounded-full bg-green-50 px-2 py-0.5 text-green-800">{t.active}</span>
              )}
            </Cell>
            <Cell className="text-end">
              {key.revokedAt ? null : (
                <Button
                  onClick={() => onRevoke(key)}
                  aria-label={format(t.revokeKeyNamed, { name: key.name })}
                  variant="danger-outline"
                  size="sm"
                >
                  {t.revoke}
                </Button>
              )}
            </Cell>
          </TableRow>
        ))}
      </tbody>
    </Table>
  );
}
