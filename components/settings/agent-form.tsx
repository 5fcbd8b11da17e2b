"use client";
import { useId, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import { useStrings } from "@/components/i18n/locale";
import { AgentConnectionFields, type Connection } from "@/components/settings/agent-connection-fields";
import { BlockedNotice } from "@/components/settings/blocked-notice";
import { NO_ERRORS, type ServerErrors, serverErrors } from "@/components/settings/server-errors";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { CONTROL_CLASS, FieldRow } from "@/components/ui/field";
import type { AgentConfigOutput, AiProvidersOutput } from "@/server/ai/schemas";

type Provider = AgentConfigOutput["provider"];
const PROVIDERS: readonly Provider[] = ["builtin", "openai_compatible", "anthropic"];
type Mode = AgentConfigOutput["mode"];

const FIELDS = [
  "name",
  "provider",
  "model",
  "operatorProviderId",
  "baseUrl",
  "apiKey",
  "instructions",
  "mode",
  "internal",
  "isDefault",
] as const;
type Field = (typeof FIELDS)[number];

/** Creates an agent (`agent` null) or edits one; the server's verdict on each field shows beside it. */
export function AgentForm({ agent, onClose }: { agent: AgentConfigOutput | null; onClose: () => void }) {
  const t = useStrings("settings");
  const utils = trpc.useUtils();
  const [name, setName] = useState(agent?.name ?? "");
  const [provider, setProvider] = useState<Provider>(agent?.provider ?? "builtin");
  const [model, setModel] = useState(agent && agent.provider !== "builtin" ? agent.model : "");
  const providers = trpc.v1.ai.providers.useQuery();
  const [chosen, setConnection] = useState<Connection>({
    // A new agent follows what the operator offers for its kind until the admin picks a side.
    source: agent?.operatorProviderId ? "operator" : agent ? "own" : null,
    operatorProviderId: agent?.operatorProviderId ?? "",
    baseUrl: agent?.baseUrl ?? "",
    key: agent?.apiKeyLast4 ? { kind: "keep" } : { kind: "replace", value: "" },
  });
  const [instructions, setInstructions] = useState(agent?.instructions ?? "");
  const [mode, setMode] = useState<Mode>(agent?.mode ?? "reply");
  const [internal, setInternal] = useState(agent?.internal ?? false);
  const [isDefault, setIsDefault] = useState(agent?.isDefault ?? false);
  const [errors, setErrors] = useState<ServerErrors>(NO_ERRORS);
  /** Required fields left empty, said in the UI's language before asking the server. */
  const [missing, setMissing] = useState<Field[]>([]);
  const nameInput = useRef<HTMLInputElement>(null);
  const prefix = useId();
  const id = (field: Field) => `${prefix}-${field}`;

  const saved = () => {
    // isDefault moves between agents, so the whole list, and the inbox's picker, may have changed.
    void utils.v1.ai.agents.list.invalidate();
    void utils.v1.workspace.agents.invalidate();
    onClose();
  };
  const onError = (error: unknown) => {
    const refused = serverErrors(error, FIELDS);
    setErrors(refused);
    // Focus goes to the first field the server refused, so the keyboard lands where the fix is.
    const first = FIELDS.find((field) => refused.fields[field]);
    if (first) requestAnimationFrame(() => document.getElementById(id(first))?.focus());
  };
  const connection = withSource(chosen, provider, providers.data);
  const create = trpc.v1.ai.agents.create.useMutation({ onSuccess: saved, onError });
  const update = trpc.v1.ai.agents.update.useMutation({ onSuccess: saved, onError });
  const pending = create.isPending || update.isPending;

  function submit() {
    const own = provider !== "builtin" && connection.source === "own";
    const onOperator = provider !== "builtin" && connection.source === "operator";
    const typedKey = connection.key.kind === "replace" ? connection.key.value.trim() : "";
    // Omitted keeps the saved key; null removes it (also when the agent leaves its own endpoint).
    const apiKey = own && typedKey ? typedKey : own && connection.key.kind !== "remove" ? undefined : null;
    const fields = {
      name,
      provider,
      // The built-in agent has no model to pick: one that already is built-in keeps whatever it has.
      model: provider !== "builtin" ? model : agent?.provider === "builtin" ? agent.model : "builtin",
      operatorProviderId: onOperator ? connection.operatorProviderId : null,
      baseUrl: own && connection.baseUrl.trim() ? connection.baseUrl : null,
      ...(apiKey === null && !agent?.apiKeyLast4 ? {} : { apiKey }),
      instructions,
      mode,
      internal,
    };
    // An empty required field is said in the UI's language; everything else is the server's to judge.
    const required: [Field, string][] = [["name", name]];
    if (provider !== "builtin") required.push(["model", model]);
    if (onOperator) required.push(["operatorProviderId", connection.operatorProviderId]);
    if (own && provider === "openai_compatible") required.push(["baseUrl", connection.baseUrl]);
    const keyStays = agent?.apiKeyLast4 && connection.key.kind === "keep";
    if (own && provider === "anthropic" && !keyStays) required.push(["apiKey", typedKey]);
    const empty = required.filter(([, value]) => value.trim() === "").map(([field]) => field);
    setMissing(empty);
    setErrors(NO_ERRORS);
    if (empty[0]) {
      document.getElementById(id(empty[0]))?.focus();
      return;
    }
    if (agent) update.mutate({ id: agent.id, ...fields, ...(agent.isDefault ? {} : { isDefault }) });
    else create.mutate({ ...fields, isDefault });
  }

  const describedBy = (field: Field, hint?: boolean) =>
    [hint ? `${id(field)}-hint` : null, errorOf(field) ? `${id(field)}-error` : null]
      .filter(Boolean)
      .join(" ") || undefined;
  const control = (field: Field, hint?: boolean) => ({
    id: id(field),
    "aria-invalid": errorOf(field) ? true : undefined,
    "aria-describedby": describedBy(field, hint),
  });
  const errorOf = (field: Field) => (missing.includes(field) ? t.required : errors.fields[field]);
  const fieldError = (field: Field) => {
    if (missing.includes(field))
      return (
        <p id={`${id(field)}-error`} className="text-sm text-red-700">
          {t.required}
        </p>
      );
    const message = errors.fields[field];
    if (!message) return null;
    // The server speaks English; the lead-in says, in the UI's language, what it is about.
    return (
      <p id={`${id(field)}-error`} className="text-sm text-red-700">
        {t.fieldError} <span lang="en">{message}</span>
      </p>
    );
  };
  const inputClass = `w-full ${CONTROL_CLASS}`;

  return (
    <Dialog title={agent ? t.editAgentTitle : t.createAgentTitle} onClose={onClose} initialFocus={nameInput}>
      <form
        noValidate
        className="mt-4 space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {agent?.blockedReason ? <BlockedNotice reason={agent.blockedReason} /> : null}
        {errors.form ? (
          <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-800">
            {t.formError} <span lang="en">{errors.form}</span>
          </p>
        ) : null}

        <FieldRow label={t.agentName} htmlFor={id("name")} error={fieldError("name")}>
          <input
            ref={nameInput}
            {...control("name")}
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={100}
            className={inputClass}
          />
        </FieldRow>

        <FieldRow label={t.provider} htmlFor={id("provider")} error={fieldError("provider")}>
          <select
            {...control("provider")}
            value={provider}
            onChange={(event) => setProvider(PROVIDERS.find((p) => p === event.target.value) ?? "builtin")}
            className={`${inputClass} bg-white`}
          >
            <option value="builtin">{t.providerBuiltin}</option>
            <option value="openai_compatible">{t.providerOpenai}</option>
            <option value="anthropic">{t.providerAnthropic}</option>
          </select>
        </FieldRow>

        {provider === "builtin" ? null : (
          <FieldRow
            label={t.model}
            htmlFor={id("model")}
            hint={t.modelHint}
            hintId={`${id("model")}-hint`}
            error={fieldError("model")}
          >
            <input
              {...control("model", true)}
              value={model}
              onChange={(event) => setModel(event.target.value)}
              dir="ltr"
              spellCheck={false}
              className={inputClass}
            />
          </FieldRow>
        )}

        {provider === "builtin" ? null : (
          <AgentConnectionFields
            kind={provider}
            sourceName={`${prefix}-source`}
            connection={connection}
            onChange={setConnection}
            providers={providers.data}
            savedKeyLast4={agent?.apiKeyLast4 ?? null}
            control={control}
            fieldError={fieldError}
            inputClass={inputClass}
          />
        )}

        <FieldRow
          label={t.instructions}
          htmlFor={id("instructions")}
          hint={t.instructionsHint}
          hintId={`${id("instructions")}-hint`}
          error={fieldError("instructions")}
        >
          <textarea
            {...control("instructions", true)}
            value={instructions}
            onChange={(event) => setInstructions(event.target.value)}
            rows={4}
            className={inputClass}
          />
        </FieldRow>

        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">{t.mode}</legend>
          {(
            [
              ["reply", t.modeReply],
              ["draft", t.modeDraft],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={id("mode")}
                value={value}
                checked={mode === value}
                onChange={() => setMode(value)}
              />
              {label}
            </label>
          ))}
          {fieldError("mode")}
        </fieldset>

        <div className="space-y-2">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              {...control("internal")}
              checked={internal}
              onChange={(event) => setInternal(event.target.checked)}
            />
            {t.internal}
          </label>
          {fieldError("internal")}
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              {...control("isDefault")}
              aria-describedby={agent?.isDefault ? `${id("isDefault")}-hint` : describedBy("isDefault")}
              checked={agent?.isDefault || isDefault}
              disabled={agent?.isDefault}
              onChange={(event) => setIsDefault(event.target.checked)}
            />
            {t.isDefault}
          </label>
          {agent?.isDefault ? (
            <p id={`${id("isDefault")}-hint`} className="text-xs text-slate-600">
              {t.isDefaultLocked}
            </p>
          ) : null}
          {fieldError("isDefault")}
        </div>

        <div className="flex justify-end gap-2 pt-2">
          <Button onClick={onClose} variant="secondary">
            {t.cancel}
          </Button>
          <Button type="submit" disabled={pending} variant="primary">
            {pending ? t.saving : agent ? t.save : t.createAgent}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The connection with its side settled: the operator's when it offers a provider of this kind. */
function withSource(
  connection: Connection,
  provider: Provider,
  providers: AiProvidersOutput | undefined,
): Connection & { source: "operator" | "own" } {
  if (connection.source) return { ...connection, source: connection.source };
  const offered = providers?.operatorProviders.some((p) => p.kind === provider) ?? false;
  return { ...connection, source: offered ? "operator" : "own" };
}
