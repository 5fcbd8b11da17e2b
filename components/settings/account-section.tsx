"use client";
import { useId, useState } from "react";
import { trpc } from "@/client/trpc";
import { format, useStrings } from "@/components/i18n/locale";
import { signOut } from "@/components/inbox/sign-out";
import { ConfirmDialog } from "@/components/settings/confirm-dialog";
import { serverErrors } from "@/components/settings/server-errors";

/** The signed-in person's password and sessions: both end sessions on the server. */
export function AccountSection() {
  const t = useStrings("account");
  const [confirming, setConfirming] = useState(false);
  const signOutEverywhere = trpc.v1.account.signOutEverywhere.useMutation({
    // This browser's session ended with the others: leave through the normal sign-out page.
    onSuccess: () => void signOut("/sign-in"),
  });
  const ids = { sessions: useId() };
  return (
    <div className="space-y-8">
      <p className="max-w-prose text-sm text-slate-600">{t.accountIntro}</p>
      <PasswordForm />
      <section aria-labelledby={ids.sessions} className="space-y-3">
        <h2 id={ids.sessions} className="text-lg font-semibold">
          {t.sessionsHeading}
        </h2>
        <p className="max-w-prose text-sm text-slate-600">{t.sessionsIntro}</p>
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className="rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50"
        >
          {t.signOutEverywhere}
        </button>
      </section>
      {confirming ? (
        <ConfirmDialog
          title={t.signOutEverywhereTitle}
          body={t.signOutEverywhereBody}
          confirmLabel={t.signOutEverywhere}
          pendingLabel={t.signingOut}
          pending={signOutEverywhere.isPending}
          error={signOutEverywhere.error?.message ?? null}
          onConfirm={() => signOutEverywhere.mutate()}
          onClose={() => {
            setConfirming(false);
            signOutEverywhere.reset();
          }}
        />
      ) : null}
    </div>
  );
}

type PasswordField = "currentPassword" | "newPassword";

function PasswordForm() {
  const t = useStrings("account");
  const [fields, setFields] = useState({ currentPassword: "", newPassword: "" });
  const [errors, setErrors] = useState<Partial<Record<PasswordField, string>>>({});
  const ids = { heading: useId(), current: useId(), next: useId(), hint: useId(), status: useId() };
  const change = trpc.v1.account.changePassword.useMutation({
    onSuccess: () => {
      setFields({ currentPassword: "", newPassword: "" });
      setErrors({});
    },
    onError: (error) => {
      // The server names the field; the person reads it in their own language.
      const { fields: refused } = serverErrors(error, ["currentPassword", "newPassword"]);
      if (refused.currentPassword) setErrors({ currentPassword: t.wrongPassword });
      else if (refused.newPassword) setErrors({ newPassword: t.passwordTooShort });
      else setErrors({});
    },
  });
  const field = (name: PasswordField, id: string, label: string, autoComplete: string, hint?: string) => {
    const error = errors[name];
    const describedBy = [hint ? ids.hint : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
    return (
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <input
          id={id}
          type="password"
          autoComplete={autoComplete}
          value={fields[name]}
          onChange={(event) => setFields((f) => ({ ...f, [name]: event.target.value }))}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          className="w-72 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
        />
        {hint ? (
          <p id={ids.hint} className="text-xs text-slate-500">
            {hint}
          </p>
        ) : null}
        {error ? (
          <p id={`${id}-error`} className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <section aria-labelledby={ids.heading}>
      <h2 id={ids.heading} className="mb-3 text-lg font-semibold">
        {t.passwordHeading}
      </h2>
      <form
        noValidate
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          change.mutate(fields);
        }}
      >
        {field("currentPassword", ids.current, t.currentPassword, "current-password")}
        {field("newPassword", ids.next, t.newPassword, "new-password", t.newPasswordHint)}
        <button
          type="submit"
          disabled={change.isPending}
          className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {change.isPending ? t.changingPassword : t.changePassword}
        </button>
        <p id={ids.status} role="status" className="text-sm text-green-800">
          {change.data ? format(t.passwordChanged, { count: change.data.endedSessions }) : null}
        </p>
        {change.error && !errors.currentPassword && !errors.newPassword ? (
          <p role="alert" className="text-sm text-red-700">
            {change.error.message}
          </p>
        ) : null}
      </form>
    </section>
  );
}
