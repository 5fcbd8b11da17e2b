"use client";
import { type ReactNode, useRef } from "react";
import { useStrings } from "@/components/i18n/locale";
import { Button, buttonClass } from "@/components/ui/button";
import { FieldRow } from "@/components/ui/field";
import type { AiProvidersOutput } from "@/server/ai/schemas";

/** The stored key: kept as it is, replaced by what is typed (for a new agent, the first), or removed. */
export type KeyEdit = { kind: "keep" } | { kind: "replace"; value: string } | { kind: "remove" };

export type Connection = {
  /** null: not chosen yet (a new agent). */
  source: "operator" | "own" | null;
  operatorProviderId: string;
  baseUrl: string;
  key: KeyEdit;
};

export type ConnectionField = "operatorProviderId" | "baseUrl" | "apiKey";

type FieldProps = {
  id: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
};

/**
 * Where a model agent's requests go: one of the operator's providers (picked by name; the key
 * stays the operator's), or the workspace's own endpoint and key. A saved key is never sent to
 * the browser: the form shows its last 4 characters and offers to replace or remove it.
 */
export function AgentConnectionFields({
  kind,
  sourceName,
  connection,
  onChange,
  providers,
  savedKeyLast4,
  control,
  fieldError,
  inputClass,
}: {
  kind: "openai_compatible" | "anthropic";
  /** The radio group's name, unique on the page. */
  sourceName: string;
  connection: Connection & { source: "operator" | "own" };
  onChange: (next: Connection) => void;
  providers: AiProvidersOutput | undefined;
  savedKeyLast4: string | null;
  control: (field: ConnectionField, hint?: boolean) => FieldProps;
  fieldError: (field: ConnectionField) => ReactNode;
  inputClass: string;
}) {
  const t = useStrings("settings");
  const keyInput = useRef<HTMLInputElement>(null);
  const keyId = control("apiKey").id;
  const offered = providers?.operatorProviders.filter((p) => p.kind === kind) ?? [];
  const set = (change: Partial<Connection>) => onChange({ ...connection, ...change });
  // The button pressed goes away with the state it offered: focus goes to what replaced it.
  const editKey = (key: KeyEdit) => {
    set({ key });
    requestAnimationFrame(() => {
      if (key.kind === "replace") keyInput.current?.focus();
      else document.getElementById(`${keyId}-${key.kind === "remove" ? "keep" : "replace"}`)?.focus();
    });
  };
  const keysOff = providers?.workspaceKeys === false;

  return (
    <>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t.connection}</legend>
        {(
          [
            ["operator", t.connectionOperator],
            ["own", t.connectionOwn],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name={sourceName}
              value={value}
              checked={connection.source === value}
              onChange={() => set({ source: value })}
            />
            {label}
          </label>
        ))}
      </fieldset>

      {connection.source === "operator" ? (
        <FieldRow
          label={t.operatorProvider}
          htmlFor={control("operatorProviderId").id}
          hint={offered.length === 0 && providers ? t.noOperatorProviders : t.operatorProviderHint}
          hintId={`${control("operatorProviderId").id}-hint`}
          error={fieldError("operatorProviderId")}
        >
          <select
            {...control("operatorProviderId", true)}
            value={connection.operatorProviderId}
            onChange={(event) => set({ operatorProviderId: event.target.value })}
            className={`${inputClass} bg-white`}
          >
            <option value="">{t.chooseProvider}</option>
            {offered.map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.label}
              </option>
            ))}
          </select>
        </FieldRow>
      ) : (
        <>
          <FieldRow
            label={t.baseUrl}
            htmlFor={control("baseUrl").id}
            hint={kind === "anthropic" ? t.baseUrlAnthropicHint : t.baseUrlHint}
            hintId={`${control("baseUrl").id}-hint`}
            error={fieldError("baseUrl")}
          >
            <input
              {...control("baseUrl", true)}
              type="url"
              value={connection.baseUrl}
              onChange={(event) => set({ baseUrl: event.target.value })}
              dir="ltr"
              spellCheck={false}
              className={inputClass}
            />
          </FieldRow>
          <KeyField
            connection={connection}
            savedKeyLast4={savedKeyLast4}
            keysOff={keysOff}
            hint={kind === "anthropic" ? t.apiKeyHint : t.apiKeyOptionalHint}
            keyInput={keyInput}
            onType={(value) => set({ key: { kind: "replace", value } })}
            onEdit={editKey}
            control={control}
            fieldError={fieldError}
            inputClass={inputClass}
          />
        </>
      )}
    </>
  );
}

function KeyField({
  connection,
  savedKeyLast4,
  keysOff,
  hint,
  keyInput,
  onType,
  onEdit,
  control,
  fieldError,
  inputClass,
}: {
  connection: Connection;
  savedKeyLast4: string | null;
  keysOff: boolean;
  hint: string;
  keyInput: React.RefObject<HTMLInputElement | null>;
  onType: (value: string) => void;
  onEdit: (key: KeyEdit) => void;
  control: (field: ConnectionField, hint?: boolean) => FieldProps;
  fieldError: (field: ConnectionField) => ReactNode;
  inputClass: string;
}) {
  const t = useStrings("settings");
  const { id } = control("apiKey");
  const [before = "", after = ""] = t.apiKeySaved.split("{last4}");
  if (savedKeyLast4 && connection.key.kind !== "replace") {
    // No input to label: the saved key is described, and each action is a button of the group.
    return (
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-medium">{t.apiKey}</legend>
        {connection.key.kind === "remove" ? (
          <p className="text-sm text-slate-700">{t.keyWillBeRemoved}</p>
        ) : (
          <p className="text-sm text-slate-700">
            {/* Only the key's tail is written left to right, in the sentence of the UI's language. */}
            {before}
            <bdi dir="ltr" className="font-mono">
              …{savedKeyLast4}
            </bdi>
            {after}
          </p>
        )}
        <span className="flex flex-wrap gap-2">
          {connection.key.kind === "remove" ? (
            <button
              id={`${id}-keep`}
              type="button"
              className={buttonClass({ size: "sm" })}
              onClick={() => onEdit({ kind: "keep" })}
            >
              {t.keepKey}
            </button>
          ) : (
            <>
              <button
                id={`${id}-replace`}
                type="button"
                className={buttonClass({ size: "sm" })}
                onClick={() => onEdit({ kind: "replace", value: "" })}
              >
                {t.replaceKey}
              </button>
              <button
                type="button"
                className={buttonClass({ size: "sm" })}
                onClick={() => onEdit({ kind: "remove" })}
              >
                {t.removeKey}
              </button>
            </>
          )}
        </span>
        {fieldError("apiKey")}
      </fieldset>
    );
  }
  return (
    <FieldRow
      label={t.apiKey}
      htmlFor={id}
      hint={keysOff ? t.workspaceKeysDisabled : hint}
      hintId={`${id}-hint`}
      error={fieldError("apiKey")}
    >
      <input
        ref={keyInput}
        {...control("apiKey", true)}
        type="password"
        value={connection.key.kind === "replace" ? connection.key.value : ""}
        onChange={(event) => onType(event.target.value)}
        dir="ltr"
        spellCheck={false}
        autoComplete="off"
        className={`${inputClass} font-mono`}
      />
      {savedKeyLast4 ? (
        <Button variant="secondary" size="sm" className="self-start" onClick={() => onEdit({ kind: "keep" })}>
          {t.keepKey}
        </Button>
      ) : null}
    </FieldRow>
  );
}
