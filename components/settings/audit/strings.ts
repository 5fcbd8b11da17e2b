import type { UiLocale } from "@/components/i18n/ui-locale";

const en = {
  title: "Audit log",
};

export const auditStrings: Record<UiLocale, typeof en> = {
  en,
  ar: {
    title: "سجل التدقيق",
  },
  tr: {
    title: "Denetim kaydı",
  },
};
