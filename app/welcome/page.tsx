import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { acceptedLanguages, pickUiLocale } from "@/components/i18n/ui-locale";
import { welcomeStrings } from "@/components/welcome/strings";
import { WelcomeScreen } from "@/components/welcome/welcome-screen";
import { authOptions } from "@/server/auth/options";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { getPreferences } from "@/server/workspace/preferences";

export const metadata = { title: "Welcome · Connect Inbox" };

export default async function WelcomePage() {
  const session = await getServerSession(authOptions());
  if (!session) redirect("/sign-in?callbackUrl=%2Finbox");
  if ((await db().member.count({ where: { userId: session.user.id, removedAt: null } })) > 0)
    redirect("/inbox");
  const preferences = await getPreferences(db(), session.user.id);
  const locale = pickUiLocale(
    preferences?.locale,
    acceptedLanguages((await headers()).get("accept-language")),
  );
  return <WelcomeScreen locale={locale} t={welcomeStrings[locale]} canCreate={env().OPEN_SIGNUP} />;
}
