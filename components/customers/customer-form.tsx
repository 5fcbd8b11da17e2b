"use client";
import { TRPCClientError } from "@trpc/client";
import { useEffect, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import { useStrings } from "@/components/i18n/locale";
import { NO_ERRORS, type ServerErrors, serverErrors } from "@/components/settings/server-errors";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useToast } from "@/components/ui/toast";
import type { CustomerOutput } from "@/server/customers/schemas";

const FIELDS = ["name", "email", "phone", "externalId", "metadata"] as const;
type FormField = (typeof FIELDS)[number];
type Values = Record<FormField, string>;

function initialValues(customer: CustomerOutput): Values {
  return {
    name: customer.name ?? "",
    email: customer.email ?? "",
    phone: customer.phone ?? "",
    externalId: customer.externalId ?? "",
    metadata: customer.metadata ? JSON.stringify(customer.metadata, null, 2) : "",
  };
}

type Strings = ReturnType<typeof useStrings<"customers">>;

/** The metadata box as a JSON object (null when empty), or what is wrong with it. */
function parseMetadata(
  text: string,
  t: Strings,
): { value: Record<string, unknown> | null } | { error: string } {
  if (text.trim() === "") return { value: null };
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== "object" || Array.isArray(value))
      return { error: t.metadataNotObject };
    return { value: value as Record<string, unknown> };
  } catch {
    return { error: t.metadataInvalid };
  }
}

/** The server's refusal in the member's language where we know what it means. */
function localized(error: unknown, t: Strings): ServerErrors {
  const errors = serverErrors(error, FIELDS);
  const code = error instanceof TRPCClientError ? error.data?.code : undefined;
  if (code === "CONFLICT") {
    if (errors.fields.email) errors.fields.email = t.duplicateEmail;
    if (errors.fields.externalId) errors.fields.externalId = t.duplicateExternalId;
  } else if (errors.fields.email) {
    errors.fields.email = t.invalidEmail;
  }
  return errors;
}

/** Edits a customer in place; a refused save keeps everything typed and says what to fix, beside the field. */
export function CustomerForm({ customer, onDone }: { customer: CustomerOutput; onDone: () => void }) {
  const t = useStrings("customers");
  const toast = useToast();
  const utils = trpc.useUtils();
  const [values, setValues] = useState(() => initialValues(customer));
  const [errors, setErrors] = useState<ServerErrors>(NO_ERRORS);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const update = trpc.v1.customers.update.useMutation({
    onSuccess: (saved) => {
      utils.v1.customers.get.setData({ id: saved.id }, saved);
      void utils.v1.customers.list.invalidate();
      toast(t.saved);
      onDone();
    },
    onError: (error) => setErrors(localized(error, t)),
  });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const metadata = parseMetadata(values.metadata, t);
    if ("error" in metadata) {
      setErrors({ fields: { metadata: metadata.error }, form: null });
      return;
    }
    setErrors(NO_ERRORS);
    update.mutate({
      id: customer.id,
      name: values.name,
      email: values.email,
      phone: values.phone,
      externalId: values.externalId,
      metadata: metadata.value,
    });
  }

  const field = (name: FormField) => ({
    name,
    value: values[name],
    error: errors.fields[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setValues((current) => ({ ...current, [name]: event.target.value })),
  });

  return (
    <form
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onDone();
        }
      }}
      className="flex flex-col gap-3"
    >
      <TextField ref={first} label={t.name} dir="auto" autoComplete="off" {...field("name")} />
      <TextField label={t.email} type="email" dir="ltr" autoComplete="off" {...field("email")} />
      <TextField label={t.phone} type="tel" dir="ltr" autoComplete="off" {...field("phone")} />
      <TextField
        label={t.externalId}
        dir="ltr"
        autoComplete="off"
        spellCheck={false}
        {...field("externalId")}
      />
      <TextAreaField
        label={t.metadata}
        hint={
          <>
            {t.metadataHint}{" "}
            <bdi dir="ltr" className="font-mono">
              {'{"plan": "pro"}'}
            </bdi>
          </>
        }
        dir="ltr"
        spellCheck={false}
        {...field("metadata")}
      />
      {errors.form ? <Notice tone="error">{errors.form}</Notice> : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={update.isPending}>
          {update.isPending ? t.saving : t.save}
        </Button>
        <Button onClick={onDone}>{t.cancel}</Button>
      </div>
    </form>
  );
}
