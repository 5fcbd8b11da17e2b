"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type SignInResponse, signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import type { signInStrings } from "@/components/auth/strings";
import { UiLocaleProvider } from "@/components/i18n/locale";
import type { UiLocale } from "@/components/i18n/ui-locale";
import { throttledMinutes } from "@/server/auth/sign-in-errors";

type SignInStrings = (typeof signInStrings)["en"];
/** The way to /sign-up, when the operator allows open sign-up. */
type SignUpLink = { question: string; link: string } | null;

/** The sign-in card in the browser's language (there is no member preference yet), strings from the server. */
export function SignInScreen({
  callbackUrl,
  locale,
  t,
  signUp = null,
}: {
  callbackUrl: string;
  locale: UiLocale;
  t: SignInStrings;
  signUp?: SignUpLink;
}) {
  return (
    <UiLocaleProvider locale={locale}>
      <SignInCard callbackUrl={callbackUrl} t={t} signUp={signUp} />
    </UiLocaleProvider>
  );
}

function SignInCard({
  callbackUrl,
  t,
  signUp,
}: {
  callbackUrl: string;
  t: SignInStrings;
  signUp: SignUpLink;
}) {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 p-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">{t.title}</h1>
        <p className="mb-6 text-sm text-slate-600">{t.intro}</p>
        <SignInForm callbackUrl={callbackUrl} t={t} />
        {signUp ? (
          <p className="mt-6 text-center text-sm text-slate-600">
            {signUp.question}{" "}
            <Link href="/sign-up" className="font-medium text-blue-700 underline">
              {signUp.link}
            </Link>
          </p>
        ) : null}
      </div>
    </main>
  );
}

/** What went wrong, in the person's language: a wrong password, a throttle to wait out, or the server. */
function signInErrorText(result: SignInResponse | null | undefined, t: SignInStrings): string {
  const minutes = throttledMinutes(result?.error);
  if (minutes !== null) return t.throttled.replace("{minutes}", String(minutes));
  // next-auth answers 401 for a wrong password; no JSON answer at all (503) leaves no result.
  if (result?.status !== 401) return t.unavailable;
  return t.failed;
}

function SignInForm({ callbackUrl, t }: { callbackUrl: string; t: SignInStrings }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => null);
    if (!result || result.error) {
      setPending(false);
      setError(signInErrorText(result, t));
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate={false}>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{t.email}</span>
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          dir="ltr"
          autoFocus
          className="w-full rounded-md border border-slate-300 px-3 py-2 outline-none focus:border-blue-600"
        />
      </label>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{t.password}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          dir="ltr"
          className="w-full rounded-md border border-slate-300 px-3 py-2 outline-none focus:border-blue-600"
        />
      </label>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-blue-700 px-3 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {pending ? t.signingIn : t.signIn}
      </button>
    </form>
  );
}
