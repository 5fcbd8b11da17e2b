"use client";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { trpc } from "@/client/trpc";
import { AuthCard } from "@/components/auth/auth-card";
import { type AccountField, accountFieldErrors } from "@/components/auth/field-errors";
import type { signUpStrings } from "@/components/auth/strings";
import { UiLocaleProvider } from "@/components/i18n/locale";
import type { UiLocale } from "@/components/i18n/ui-locale";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

type SignUpStrings = (typeof signUpStrings)["en"];

const FIELDS: readonly AccountField[] = ["name", "email", "password", "workspaceName"];

/** /sign-up: a new person, their workspace, signed in and in its inbox. Closed when the operator says so. */
export function SignUpScreen({ open, locale, t }: { open: boolean; locale: UiLocale; t: SignUpStrings }) {
  return (
    <UiLocaleProvider locale={locale}>
      {open ? (
        <AuthCard title={t.title} intro={t.intro}>
          <SignUpForm t={t} />
        </AuthCard>
      ) : (
        <AuthCard title={t.closedTitle}>
          <p className="mb-6 text-sm text-slate-700">{t.closedBody}</p>
          <Link href="/sign-in" className="text-sm font-medium text-blue-700 underline">
            {t.signIn}
          </Link>
        </AuthCard>
      )}
    </UiLocaleProvider>
  );
}

function SignUpForm({ t }: { t: SignUpStrings }) {
  const [errors, setErrors] = useState<Partial<Record<AccountField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const create = trpc.v1.signUp.create.useMutation();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      workspaceName: String(form.get("workspaceName") ?? ""),
    };
    setErrors({});
    setFormError(null);
    try {
      await create.mutateAsync(input);
    } catch (error) {
      if (error instanceof TRPCClientError && error.data?.code === "TOO_MANY_REQUESTS") {
        setFormError(t.throttled);
        return;
      }
      if (error instanceof TRPCClientError && error.data?.code === "FORBIDDEN") {
        setFormError(t.closedBody);
        return;
      }
      const refused = accountFieldErrors(error, FIELDS, t);
      setErrors(refused.fields);
      setFormError(refused.form ? t.failed : null);
      // Focus the first field the server refused, so its message is read.
      const first = FIELDS.find((field) => refused.fields[field]);
      if (first)
        requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus());
      return;
    }
    setSigningIn(true);
    const result = await signIn("credentials", {
      email: input.email,
      password: input.password,
      redirect: false,
    }).catch(() => null);
    if (!result || result.error) {
      setSigningIn(false);
      setFormError(t.signInFailed);
      return;
    }
    // A whole page load: the inbox renders for the new session, in the new workspace.
    window.location.assign("/inbox");
  }

  const pending = create.isPending || signingIn;
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <TextField
        label={t.name}
        name="name"
        autoComplete="name"
        required
        maxLength={100}
        autoFocus
        error={errors.name}
      />
      <TextField
        label={t.email}
        name="email"
        type="email"
        autoComplete="email"
        required
        dir="ltr"
        maxLength={254}
        error={errors.email}
      />
      <TextField
        label={t.password}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        dir="ltr"
        minLength={10}
        maxLength={200}
        hint={t.passwordHint}
        error={errors.password}
      />
      <TextField
        label={t.workspaceName}
        name="workspaceName"
        required
        maxLength={100}
        hint={t.workspaceHint}
        error={errors.workspaceName}
      />
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      <Button type="submit" variant="primary" className="w-full" disabled={pending}>
        {pending ? t.creating : t.create}
      </Button>
      <p className="text-center text-sm text-slate-600">
        {t.haveAccount}{" "}
        <Link href="/sign-in" className="font-medium text-blue-700 underline">
          {t.signIn}
        </Link>
      </p>
    </form>
  );
}
