import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { acceptedLanguages, pickUiLocale } from "@/components/i18n/ui-locale";
import { uiStrings } from "@/components/i18n/ui-strings";
import { InboxShell } from "@/components/inbox/inbox-shell";
import { authOptions } from "@/server/auth/options";
import { db } from "@/server/db/client";
import { getPreferences } from "@/server/workspace/preferences";

export const metadata = { title: "Inbox · Connect Inbox" };

export default async function InboxPage({ params }: { params: Promise<{ conversation?: string[] }> }) {
  const session = await getServerSession(authOptions());
  const { conversation } = await params;
  const conversationId = conversation?.[0] ?? null;
  if (!session)
    redirect(
      `/sign-in?callbackUrl=${encodeURIComponent(conversationId ? `/inbox/${conversationId}` : "/inbox")}`,
    );
  const browserLanguages = acceptedLanguages((await headers()).get("accept-language"));
  // Rendered in the member's language from the first byte, and only that language's strings
  // travel with the page; the others load if the member switches.
  const preferences = await getPreferences(db(), session.user.id);
  const locale = pickUiLocale(preferences?.locale, browserLanguages);
  return <InboxShell browserLanguages={browserLanguages} locale={locale} strings={uiStrings(locale)} />;
}
