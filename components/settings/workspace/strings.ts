import type { UiLocale } from "@/components/i18n/ui-locale";

const en = {
  title: "Workspace",
};

export const workspaceSettingsStrings: Record<UiLocale, typeof en> = {
  en,
  ar: {
    title: "مساحة العمل",
  },
  tr: {
    title: "Çalışma alanı",
  },
};
