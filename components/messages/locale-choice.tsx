"use client";
import { createContext, type ReactNode, useContext, useMemo, useState } from "react";
import { trpc } from "@/client/trpc";
import { useUiLocale } from "@/components/i18n/locale";
import type { Locale } from "@/server/connect/schemas";

type LocaleChoice = {
  /** The member's preferred locale first, then the UI's. */
  preferred: readonly (string | null | undefined)[];
  chosen: Readonly<Record<string, Locale>>;
  choose: (messageId: string, locale: Locale) => void;
};

const LocaleChoiceContext = createContext<LocaleChoice>({ preferred: [], chosen: {}, choose: () => {} });

/** Which locale each message shows; kept above the virtualized rows so a choice survives scrolling. */
export function LocaleChoiceProvider({ children }: { children: ReactNode }) {
  const me = trpc.v1.workspace.me.useQuery();
  const uiLocale = useUiLocale();
  const [chosen, setChosen] = useState<Record<string, Locale>>({});
  const preferredLocale = me.data?.user.locale;
  const value = useMemo<LocaleChoice>(
    () => ({
      preferred: [preferredLocale, uiLocale],
      chosen,
      choose: (messageId, locale) => setChosen((current) => ({ ...current, [messageId]: locale })),
    }),
    [preferredLocale, uiLocale, chosen],
  );
  return <LocaleChoiceContext.Provider value={value}>{children}</LocaleChoiceContext.Provider>;
}

export function useLocaleChoice(): LocaleChoice {
  return useContext(LocaleChoiceContext);
}

export function useLanguageNames(): (locale: string) => string {
  const uiLocale = useUiLocale();
  return useMemo(() => {
    const names = new Intl.DisplayNames(uiLocale, { type: "language" });
    return (locale: string) => names.of(locale) ?? locale;
  }, [uiLocale]);
}
