"use client";
import { useMemo } from "react";
import { useFormatters } from "@/components/i18n/format";
import { useUiLocale } from "@/components/i18n/locale";

export function dayKey(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/** "Today", "Yesterday", else the full date, in the UI language. */
export function useDayLabel(): (iso: string) => string {
  const locale = useUiLocale();
  const formatters = useFormatters();
  return useMemo(() => {
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    return (iso: string) => {
      const day = new Date(iso);
      const today = new Date();
      const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
      const days = Math.round((startOf(day) - startOf(today)) / 86_400_000);
      if (days === 0 || days === -1) {
        const label = relative.format(days, "day");
        return label.charAt(0).toLocaleUpperCase(locale) + label.slice(1);
      }
      return formatters.day(iso);
    };
  }, [locale, formatters]);
}
