"use client";
import { useMemo } from "react";
import { useUiLocale } from "@/components/i18n/locale";

/** Dates and numbers formatted for the UI language, as the browser's locale data has them (Chromium writes `ar` with Latin digits). */
export function useFormatters() {
  const locale = useUiLocale();
  return useMemo(() => {
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" });
    const time = new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit" });
    const day = new Intl.DateTimeFormat(locale, {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
    });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
    const number = new Intl.NumberFormat(locale);
    return {
      relativeTime(iso: string, now = Date.now()): string {
        // A server clock a little ahead of the browser's must not read as "in 5 seconds".
        const seconds = Math.min(0, Math.round((new Date(iso).getTime() - now) / 1000));
        const abs = Math.abs(seconds);
        if (abs < 60) return relative.format(seconds, "second");
        if (abs < 3600) return relative.format(Math.round(seconds / 60), "minute");
        if (abs < 86400) return relative.format(Math.round(seconds / 3600), "hour");
        if (abs < 86400 * 30) return relative.format(Math.round(seconds / 86400), "day");
        return dateTime.format(new Date(iso));
      },
      time: (iso: string) => time.format(new Date(iso)),
      day: (iso: string) => day.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      number: (n: number) => number.format(n),
    };
  }, [locale]);
}
