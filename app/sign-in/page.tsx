import { headers } from "next/headers";
import { SignInScreen } from "@/components/auth/sign-in-form";
import { signInStrings, signUpStrings } from "@/components/auth/strings";
import { acceptedLanguages, pickUiLocale } from "@/components/i18n/ui-locale";
import { env } from "@/server/env";
import { sameOriginPath } from "@/server/http/callback-url";

export const metadata = { title: "Sign in · Connect Inbox" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  const next = sameOriginPath(callbackUrl);
  const locale = pickUiLocale(null, acceptedLanguages((await headers()).get("accept-language")));
  const signUp = env().OPEN_SIGNUP
    ? { question: signUpStrings[locale].noAccount, link: signUpStrings[locale].createAccountLink }
    : null;
  return <SignInScreen callbackUrl={next} locale={locale} t={signInStrings[locale]} signUp={signUp} />;
}
