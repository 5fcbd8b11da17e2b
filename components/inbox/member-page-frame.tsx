"use client";
import type { ReactNode } from "react";
import { trpc } from "@/client/trpc";
import { UiLanguageProvider } from "@/components/i18n/locale";
import { pickUiLocale, type UiLocale } from "@/components/i18n/ui-locale";
import type { UiStrings } from "@/components/i18n/ui-strings";
import { KeyboardLayer } from "@/components/keyboard/keyboard-layer";
import { KeyboardProvider } from "@/components/keyboard/keyboard-provider";

export type MemberPageProps = {
  browserLanguages: string[];
  /** The language the server rendered the page in, and its strings. */
  locale: UiLocale;
  strings: UiStrings;
};

/**
 * What every signed-in page (inbox, settings, customers) stands in: the member's UI language
 * (their choice, else the browser's), their shortcuts on or off, and the keyboard layer.
 * `beside` renders in the language but outside the keyboard (the inbox's live connection).
 */
export function MemberPageFrame({
  browserLanguages,
  locale,
  strings,
  children,
  beside,
}: MemberPageProps & { children: ReactNode; beside?: ReactNode }) {
  const me = trpc.v1.workspace.me.useQuery();
  const wanted = me.data ? pickUiLocale(me.data.user.locale, browserLanguages) : locale;
  return (
    <UiLanguageProvider wanted={wanted} initial={{ locale, strings }}>
      <KeyboardProvider enabled={me.data?.user.shortcutsEnabled ?? true}>
        {children}
        <KeyboardLayer />
      </KeyboardProvider>
      {beside}
    </UiLanguageProvider>
  );
}
