import type { UiLocale } from "@/components/i18n/ui-locale";

const en = {
  title: "Channels",
};

export const channelsStrings: Record<UiLocale, typeof en> = {
  en,
  ar: {
    title: "القنوات",
  },
  tr: {
    title: "Kanallar",
  },
};
