import { defineStrings } from "@/components/i18n/locale";

export const shellStrings = defineStrings({
  en: {
    signOut: "Sign out",
    workspace: "Workspace",
    switchWorkspace: "Switch workspace",
    conversations: "Conversations",
    details: "Details",
    selectConversation: "Select a conversation to read and reply.",
    loading: "Loading…",
  },
  ar: {
    signOut: "تسجيل الخروج",
    workspace: "مساحة العمل",
    switchWorkspace: "تبديل مساحة العمل",
    conversations: "المحادثات",
    details: "التفاصيل",
    selectConversation: "اختر محادثة لقراءتها والرد عليها.",
    loading: "جارٍ التحميل…",
  },
  tr: {
    signOut: "Çıkış yap",
    workspace: "Çalışma alanı",
    switchWorkspace: "Çalışma alanını değiştir",
    conversations: "Konuşmalar",
    details: "Ayrıntılar",
    selectConversation: "Okumak ve yanıtlamak için bir konuşma seçin.",
    loading: "Yükleniyor…",
  },
});
