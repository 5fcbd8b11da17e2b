import { headers } from "next/headers";
import { SignUpScreen } from "@/components/auth/sign-up-form";
import { signUpStrings } from "@/components/auth/strings";
import { acceptedLanguages, pickUiLocale } from "@/components/i18n/ui-locale";
import { env } from "@/server/env";

export const metadata = { title: "Create an account · Connect Inbox" };

export default async function SignUpPage() {
  const locale = pickUiLocale(null, acceptedLanguages((await headers()).get("accept-language")));
  return <SignUpScreen open={env().OPEN_SIGNUP} locale={locale} t={signUpStrings[locale]} />;
}
