"use client";
import { useUiLocale } from "@/components/i18n/locale";
import { isUiLocale } from "@/components/i18n/ui-locale";
import { presentLocales } from "@/components/messages/content-locales";
import type { Locale, MessageOutput } from "@/server/connect/schemas";

/**
 * The tab a new draft opens on: the language the customer last wrote in, else the member's
 * preferred locale, else the UI's. Null until the history has loaded, so the guess is informed.
 */
export function useReplyLocale(
  messages: MessageOutput[],
  historySettled: boolean,
  memberLocale: string | null | undefined,
): Locale | null {
  const uiLocale = useUiLocale();
  if (!historySettled) return null;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    if (message?.sender.type !== "customer") continue;
    const [written] = presentLocales(message.content);
    if (written) return written;
  }
  return isUiLocale(memberLocale) ? memberLocale : uiLocale;
}
