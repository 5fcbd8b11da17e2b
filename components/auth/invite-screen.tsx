"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { trpc } from "@/client/trpc";
import { AuthCard } from "@/components/auth/auth-card";
import { type AccountField, accountFieldErrors } from "@/components/auth/field-errors";
import type { inviteStrings } from "@/components/auth/strings";
import { format, UiLocaleProvider } from "@/components/i18n/locale";
import type { UiLocale } from "@/components/i18n/ui-locale";
import { signOut } from "@/components/inbox/sign-out";
import { Button, buttonClass } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { InvitationPreview } from "@/server/invitations/schemas";

type InviteStrings = (typeof inviteStrings)["en"];

/** Makes the joined workspace the current one (the httpOnly cookie), then opens its inbox. */
async function openWorkspace(workspaceId: string) {
  await fetch("/api/workspace/switch", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ workspaceId }),
  }).catch(() => null);
  window.location.assign("/inbox");
}

export function InviteScreen({
  token,
  preview,
  signedInAs,
  locale,
  t,
}: {
  token: string;
  preview: InvitationPreview | null;
  /** The signed-in person's email, or null when signed out. */
  signedInAs: string | null;
  locale: UiLocale;
  t: InviteStrings;
}) {
  return (
    <UiLocaleProvider locale={locale}>
      {preview ? (
        <Invitation token={token} preview={preview} signedInAs={signedInAs} locale={locale} t={t} />
      ) : (
        <AuthCard title={t.invalidTitle}>
          <p className="mb-6 text-sm text-slate-700">{t.invalidBody}</p>
          <Link href="/sign-in" className="text-sm font-medium text-blue-700 underline">
            {t.goToSignIn}
          </Link>
        </AuthCard>
      )}
    </UiLocaleProvider>
  );
}

function Invitation({
  token,
  preview,
  signedInAs,
  locale,
  t,
}: {
  token: string;
  preview: InvitationPreview;
  signedInAs: string | null;
  locale: UiLocale;
  t: InviteStrings;
}) {
  const role = { owner: t.roleOwner, admin: t.roleAdmin, agent: t.roleAgent }[preview.role];
  const expires = new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(new Date(preview.expiresAt));
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`;
  return (
    <AuthCard title={format(t.title, { workspace: preview.workspaceName })}>
      <p className="text-sm text-slate-700">
        {format(t.invitedBy, { inviter: preview.inviterName, workspace: preview.workspaceName, role })}
      </p>
      <p className="mt-2 text-sm text-slate-700">
        {t.invitedAddress}{" "}
        <bdi dir="ltr" className="inline-block font-medium break-all">
          {preview.email}
        </bdi>
      </p>
      <p className="mt-1 mb-6 text-xs text-slate-600">{format(t.expires, { date: expires })}</p>
      {signedInAs === preview.email ? (
        <JoinButton token={token} workspaceName={preview.workspaceName} t={t} />
      ) : signedInAs ? (
        <div className="space-y-3">
          <Notice tone="warning">
            {format(t.otherAccount, { current: signedInAs, invited: preview.email })} {t.otherAccountHint}
          </Notice>
          <Button onClick={() => void signOut(`/invite/${token}`)}>{t.signOut}</Button>
        </div>
      ) : preview.accountExists ? (
        <div className="space-y-3">
          <p className="text-sm text-slate-700">{t.accountExists}</p>
          <Link href={signInHref} className={buttonClass({ variant: "primary", className: "w-full" })}>
            {t.signInToJoin}
          </Link>
        </div>
      ) : (
        <>
          <CreateAccountForm token={token} email={preview.email} t={t} />
          <p className="mt-4 text-center text-sm text-slate-600">
            {t.haveAccount}{" "}
            <Link href={signInHref} className="font-medium text-blue-700 underline">
              {t.signInToJoin}
            </Link>
          </p>
        </>
      )}
    </AuthCard>
  );
}

function JoinButton({ token, workspaceName, t }: { token: string; workspaceName: string; t: InviteStrings }) {
  const accept = trpc.v1.invitations.accept.useMutation({
    onSuccess: (joined) => openWorkspace(joined.workspace.id),
  });
  return (
    <div className="space-y-3">
      {accept.isError ? <Notice tone="error">{t.joinFailed}</Notice> : null}
      <Button
        variant="primary"
        className="w-full"
        autoFocus
        disabled={accept.isPending || accept.isSuccess}
        onClick={() => accept.mutate({ token })}
      >
        {accept.isPending || accept.isSuccess ? t.joining : format(t.join, { workspace: workspaceName })}
      </Button>
    </div>
  );
}

const FIELDS: readonly AccountField[] = ["name", "password"];

function CreateAccountForm({ token, email, t }: { token: string; email: string; t: InviteStrings }) {
  const [errors, setErrors] = useState<Partial<Record<AccountField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const create = trpc.v1.invitations.acceptAsNewAccount.useMutation();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "");
    const password = String(form.get("password") ?? "");
    setErrors({});
    setFormError(null);
    let joined: Awaited<ReturnType<typeof create.mutateAsync>>;
    try {
      joined = await create.mutateAsync({ token, name, password });
    } catch (error) {
      const refused = accountFieldErrors(error, ["name", "email", "password"], t);
      setErrors(refused.fields);
      setFormError(refused.fields.email ?? (refused.form ? t.failed : null));
      const first = FIELDS.find((field) => refused.fields[field]);
      if (first)
        requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus());
      return;
    }
    setSigningIn(true);
    const result = await signIn("credentials", { email: joined.email, password, redirect: false }).catch(
      () => null,
    );
    if (!result || result.error) {
      window.location.assign("/sign-in");
      return;
    }
    await openWorkspace(joined.workspace.id);
  }

  const pending = create.isPending || signingIn;
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <h2 className="text-base font-semibold">{t.createHeading}</h2>
      <p className="text-sm text-slate-600">{t.createIntro}</p>
      <TextField
        label={t.email}
        name="email"
        type="email"
        value={email}
        readOnly
        dir="ltr"
        autoComplete="username"
      />
      <TextField
        label={t.name}
        name="name"
        autoComplete="name"
        required
        maxLength={100}
        error={errors.name}
      />
      <TextField
        label={t.password}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        dir="ltr"
        maxLength={200}
        hint={t.passwordHint}
        error={errors.password}
      />
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      <Button type="submit" variant="primary" className="w-full" disabled={pending}>
        {pending ? t.creating : t.createAndJoin}
      </Button>
    </form>
  );
}
