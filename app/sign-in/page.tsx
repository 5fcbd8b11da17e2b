import { headers } from "next/headers";
import { SignInScreen } from "@/components/auth/sign-in-form";

export const metadata = { title: "Sign in · Connect Inbox" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  // Only same-site paths, so the sign-in page cannot be used as an open redirect.
  const next = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/inbox";
  const browserLanguages = ((await headers()).get("accept-language") ?? "")
    .split(",")
    .map((part) => part.split(";")[0]?.trim() ?? "")
    .filter(Boolean);
  return <SignInScreen callbackUrl={next} browserLanguages={browserLanguages} />;
}
