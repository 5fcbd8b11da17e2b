import { defineStrings } from "@/components/i18n/ui-locale";

export const liveStrings = defineStrings({
  en: {
    newMessageFrom: "New message from {name}",
    newMessage: "New message",
    reconnecting: "Reconnecting…",
  },
  ar: {
    newMessageFrom: "رسالة جديدة من {name}",
    newMessage: "رسالة جديدة",
    reconnecting: "جارٍ إعادة الاتصال…",
  },
  tr: {
    newMessageFrom: "Yeni mesaj: {name}",
    newMessage: "Yeni mesaj",
    reconnecting: "Yeniden bağlanılıyor…",
  },
});
