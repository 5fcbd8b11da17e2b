import type { UiLocale } from "@/components/i18n/ui-locale";

const en = {
  title: "Templates",
};

export const templatesStrings: Record<UiLocale, typeof en> = {
  en,
  ar: {
    title: "القوالب",
  },
  tr: {
    title: "Şablonlar",
  },
};
