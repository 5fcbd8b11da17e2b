import { headers } from "next/headers";
import { SignInScreen } from "@/components/auth/sign-in-form";
import { signInStrings } from "@/components/auth/strings";
import { acceptedLanguages, pickUiLocale } from "@/components/i18n/ui-locale";

export const metadata = { title: "Sign in · Connect Inbox" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  // Only same-site paths, so the sign-in page cannot be used as an open redirect.
  const next = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/inbox";
  const locale = pickUiLocale(null, acceptedLanguages((await headers()).get("accept-language")));
  return <SignInScreen callbackUrl={next} locale={locale} t={signInStrings[locale]} />;
}
