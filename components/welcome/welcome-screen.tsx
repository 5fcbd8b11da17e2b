"use client";
import { useState } from "react";
import { trpc } from "@/client/trpc";
import { UiLocaleProvider } from "@/components/i18n/locale";
import type { UiLocale } from "@/components/i18n/ui-locale";
import { signOut } from "@/components/inbox/sign-out";
import { serverErrors } from "@/components/settings/server-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { welcomeStrings } from "@/components/welcome/strings";

type Strings = (typeof welcomeStrings)["en"];

/** For a signed-in person in no workspace: start one (when the operator allows), or sign out. */
export function WelcomeScreen({
  locale,
  t,
  canCreate,
}: {
  locale: UiLocale;
  t: Strings;
  canCreate: boolean;
}) {
  const [name, setName] = useState("");
  const [error, setError] = useState<{ name?: string; form?: string }>({});
  const create = trpc.v1.account.createWorkspace.useMutation({
    onSuccess: () => window.location.assign("/inbox"),
    onError: (failure) => {
      const { fields, form } = serverErrors(failure, ["name"]);
      setError(fields.name ? { name: t.nameRequired } : { form: form ?? undefined });
    },
  });
  return (
    <UiLocaleProvider locale={locale}>
      <main className="flex min-h-dvh items-center justify-center bg-slate-50 p-4">
        <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
          <h1 className="mb-2 text-xl font-semibold">{t.title}</h1>
          <p className="mb-6 text-sm text-slate-600">{canCreate ? t.intro : t.closedIntro}</p>
          {canCreate ? (
            <form
              noValidate
              className="space-y-4"
              onSubmit={(event) => {
                event.preventDefault();
                create.mutate({ name, defaultLocale: locale });
              }}
            >
              <TextField
                label={t.name}
                value={name}
                onChange={(event) => setName(event.target.value)}
                maxLength={100}
                required
                error={error.name}
              />
              {error.form ? <Notice tone="error">{error.form}</Notice> : null}
              <Button type="submit" variant="primary" disabled={create.isPending}>
                {create.isPending ? t.creating : t.create}
              </Button>
            </form>
          ) : null}
          <Button variant="ghost" className="mt-6" onClick={() => void signOut("/sign-in")}>
            {t.signOut}
          </Button>
        </div>
      </main>
    </UiLocaleProvider>
  );
}
