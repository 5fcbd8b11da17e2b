import type { UiLocale } from "@/components/i18n/ui-locale";

const en = {
  title: "You are not in a workspace",
  intro:
    "You were removed from your last workspace, or it was deleted. Ask a colleague for an invitation, or start a workspace of your own.",
  name: "Workspace name",
  nameRequired: "Give the workspace a name.",
  create: "Create workspace",
  creating: "Creating…",
  closedIntro:
    "You were removed from your last workspace, or it was deleted. Ask a colleague for an invitation.",
  signOut: "Sign out",
};

export const welcomeStrings: Record<UiLocale, typeof en> = {
  en,
  ar: {
    title: "لست عضواً في أي مساحة عمل",
    intro: "أُزلت من آخر مساحة عمل لك، أو حُذفت. اطلب دعوة من زميل، أو أنشئ مساحة عمل خاصة بك.",
    name: "اسم مساحة العمل",
    nameRequired: "اكتب اسماً لمساحة العمل.",
    create: "إنشاء مساحة العمل",
    creating: "جارٍ الإنشاء…",
    closedIntro: "أُزلت من آخر مساحة عمل لك، أو حُذفت. اطلب دعوة من زميل.",
    signOut: "تسجيل الخروج",
  },
  tr: {
    title: "Hiçbir çalışma alanında değilsiniz",
    intro:
      "Son çalışma alanınızdan çıkarıldınız ya da o silindi. Bir iş arkadaşınızdan davet isteyin veya kendi çalışma alanınızı açın.",
    name: "Çalışma alanı adı",
    nameRequired: "Çalışma alanına bir ad verin.",
    create: "Çalışma alanı oluştur",
    creating: "Oluşturuluyor…",
    closedIntro: "Son çalışma alanınızdan çıkarıldınız ya da o silindi. Bir iş arkadaşınızdan davet isteyin.",
    signOut: "Çıkış yap",
  },
};
