import type { UiLocale } from "@/components/i18n/ui-locale";

const en = {
  title: "Labels",
};

export const labelsStrings: Record<UiLocale, typeof en> = {
  en,
  ar: {
    title: "التصنيفات",
  },
  tr: {
    title: "Etiketler",
  },
};
