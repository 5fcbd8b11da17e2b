import type { UiLocale } from "@/components/i18n/ui-locale";

const en = {
  title: "Members",
};

export const membersStrings: Record<UiLocale, typeof en> = {
  en,
  ar: {
    title: "الأعضاء",
  },
  tr: {
    title: "Üyeler",
  },
};
