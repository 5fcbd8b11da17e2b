"use client";
import { useId, useState } from "react";
import { trpc } from "@/client/trpc";
import { format, useStrings } from "@/components/i18n/locale";
import { signOut } from "@/components/inbox/sign-out";
import { NotificationPreferencesForm } from "@/components/settings/notification-preferences";
import { ProfileForm } from "@/components/settings/profile-form";
import { serverErrors } from "@/components/settings/server-errors";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

/** The signed-in person's profile, password and sessions; password and sessions end sessions on the server. */
export function AccountSection() {
  const t = useStrings("account");
  const settings = useStrings("settings");
  const [confirming, setConfirming] = useState(false);
  const signOutEverywhere = trpc.v1.account.signOutEverywhere.useMutation({
    // This browser's session ended with the others: leave through the normal sign-out page.
    onSuccess: () => void signOut("/sign-in"),
  });
  const sessionsId = useId();
  return (
    <div className="space-y-8">
      <p className="max-w-prose text-sm text-slate-600">{t.accountIntro}</p>
      <ProfileForm />
      <NotificationPreferencesForm />
      <PasswordForm />
      <section aria-labelledby={sessionsId} className="space-y-3">
        <h2 id={sessionsId} className="text-lg font-semibold">
          {t.sessionsHeading}
        </h2>
        <p className="max-w-prose text-sm text-slate-600">{t.sessionsIntro}</p>
        <Button variant="danger-outline" onClick={() => setConfirming(true)}>
          {t.signOutEverywhere}
        </Button>
      </section>
      {confirming ? (
        <ConfirmDialog
          title={t.signOutEverywhereTitle}
          body={t.signOutEverywhereBody}
          confirmLabel={t.signOutEverywhere}
          pendingLabel={t.signingOut}
          cancelLabel={settings.cancel}
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
  const headingId = useId();
  const change = trpc.v1.account.changePassword.useMutation({
    onSuccess: () => {
      setFields({ currentPassword: "", newPassword: "" });
      setErrors({});
    },
    onError: (error) => {
      // The server names the field; the person reads it in their own language.
      const { fields: refused } = serverErrors(error, ["currentPassword", "newPassword"]);
      if (refused.currentPassword) setErrors({ currentPassword: t.wrongPassword });
      else if (refused.newPassword)
        setErrors({
          newPassword: /common/i.test(refused.newPassword) ? t.passwordTooCommon : t.passwordTooShort,
        });
      else setErrors({});
    },
  });
  const input = (name: PasswordField) => ({
    type: "password",
    value: fields[name],
    required: true,
    className: "w-72",
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      setFields((f) => ({ ...f, [name]: event.target.value })),
  });
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-3 text-lg font-semibold">
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
        <TextField
          label={t.currentPassword}
          autoComplete="current-password"
          error={errors.currentPassword}
          {...input("currentPassword")}
        />
        <TextField
          label={t.newPassword}
          autoComplete="new-password"
          hint={t.newPasswordHint}
          error={errors.newPassword}
          {...input("newPassword")}
        />
        <Button type="submit" variant="primary" disabled={change.isPending}>
          {change.isPending ? t.changingPassword : t.changePassword}
        </Button>
        <p role="status" className="text-sm text-green-800">
          {change.data ? format(t.passwordChanged, { count: change.data.endedSessions }) : null}
        </p>
        {change.error && !errors.currentPassword && !errors.newPassword ? (
          <Notice tone="error">{change.error.message}</Notice>
        ) : null}
      </form>
    </section>
  );
}
