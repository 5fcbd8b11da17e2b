import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { acceptedLanguages, pickUiLocale } from "@/components/i18n/ui-locale";
import { uiStrings } from "@/components/i18n/ui-strings";
import { authOptions } from "@/server/auth/options";
import { db } from "@/server/db/client";
import { getPreferences } from "@/server/workspace/preferences";

/**
 * What every signed-in page starts with: the session (else to sign-in, back to `path` after),
 * and the member's saved language, else the browser's, with only that language's strings to
 * travel with the page; the others load if the member switches.
 */
export async function memberPage(path: string) {
  const session = await getServerSession(authOptions());
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  // Signed in but in no workspace (removed from the last one, or it was deleted): start one.
  if ((await db().member.count({ where: { userId: session.user.id, removedAt: null } })) === 0) {
    redirect("/welcome");
  }
  const browserLanguages = acceptedLanguages((await headers()).get("accept-language"));
  const preferences = await getPreferences(db(), session.user.id);
  const locale = pickUiLocale(preferences?.locale, browserLanguages);
  return { browserLanguages, locale, strings: uiStrings(locale) };
}
