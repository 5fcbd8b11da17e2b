"use client";
import { useId, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import { useFormatters } from "@/components/i18n/format";
import { format, useStrings } from "@/components/i18n/locale";
import { ConfirmDialog } from "@/components/settings/confirm-dialog";
import { NewKeyNotice } from "@/components/settings/new-key-notice";
import { NO_ERRORS, type ServerErrors, serverErrors } from "@/components/settings/server-errors";
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
  const ids = { name: useId(), hint: useId(), error: useId(), keys: useId() };

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
        <div className="flex min-w-64 flex-col gap-1">
          <label htmlFor={ids.name} className="text-sm font-medium">
            {t.keyName}
          </label>
          <input
            ref={nameInput}
            id={ids.name}
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            maxLength={100}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${ids.hint} ${ids.error}` : ids.hint}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          />
          <p id={ids.hint} className="text-xs text-slate-500">
            {t.keyNameHint}
          </p>
        </div>
        <button
          type="submit"
          disabled={create.isPending}
          className="mb-5 rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {create.isPending ? t.creating : t.createKey}
        </button>
        {nameError ? (
          <p id={ids.error} className="basis-full text-sm text-red-700">
            {t.fieldError} <span lang="en">{nameError}</span>
          </p>
        ) : null}
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
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            {[t.columnName, t.columnPrefix, t.columnCreated, t.columnLastUsed, t.columnStatus].map(
              (label) => (
                <th key={label} scope="col" className="px-2 py-2 text-start font-medium">
                  {label}
                </th>
              ),
            )}
            <th scope="col" className="px-2 py-2 text-start font-medium">
              <span className="sr-only">{t.columnActions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} data-api-key-id={key.id} className="border-b border-slate-100">
              <th scope="row" className="px-2 py-2 text-start font-medium">
                {key.name}
              </th>
              <td className="px-2 py-2">
                <code dir="ltr" className="rounded bg-slate-100 px-1 font-mono text-xs">
                  {key.prefix}…
                </code>
              </td>
              <td className="px-2 py-2">{date(key.createdAt)}</td>
              <td className="px-2 py-2">{key.lastUsedAt ? date(key.lastUsedAt) : t.never}</td>
              <td className="px-2 py-2">
                {key.revokedAt ? (
                  <span className="text-slate-500">
                    {format(t.revokedOn, { date: formatters.dateTime(key.revokedAt) })}
                  </span>
                ) : (
                  <span className="rounded-full bg-green-50 px-2 py-0.5 text-green-800">{t.active}</span>
                )}
              </td>
              <td className="px-2 py-2 text-end">
                {key.revokedAt ? null : (
                  <button
                    type="button"
                    onClick={() => onRevoke(key)}
                    aria-label={format(t.revokeKeyNamed, { name: key.name })}
                    className="rounded-md border border-red-300 px-2 py-1 text-red-800 hover:bg-red-50"
                  >
                    {t.revoke}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
