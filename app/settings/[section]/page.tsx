import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { acceptedLanguages, pickUiLocale } from "@/components/i18n/ui-locale";
import { uiStrings } from "@/components/i18n/ui-strings";
import { isSettingsSection } from "@/components/settings/sections";
import { SettingsShell } from "@/components/settings/settings-shell";
import { authOptions } from "@/server/auth/options";
import { db } from "@/server/db/client";
import { getPreferences } from "@/server/workspace/preferences";

export const metadata = { title: "Settings · Connect Inbox" };

export default async function SettingsPage({ params }: { params: Promise<{ section: string }> }) {
  const { section } = await params;
  if (!isSettingsSection(section)) notFound();
  const session = await getServerSession(authOptions());
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/settings/${section}`)}`);
  // As the inbox does: the member's saved language (else the browser's), and only its strings.
  const browserLanguages = acceptedLanguages((await headers()).get("accept-language"));
  const preferences = await getPreferences(db(), session.user.id);
  const locale = pickUiLocale(preferences?.locale, browserLanguages);
  return (
    <SettingsShell
      section={section}
      browserLanguages={browserLanguages}
      locale={locale}
      strings={uiStrings(locale)}
    />
  );
}
