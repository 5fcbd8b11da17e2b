import type { UiLocale } from "@/components/i18n/ui-locale";

const en = {
  title: "Workspace",
  intro:
    "The workspace's name, the language its invitations and other mail are written in, and who a replied conversation belongs to.",
  name: "Workspace name",
  nameRequired: "Give the workspace a name.",
  defaultLanguage: "Language of the workspace's mail",
  defaultLanguageHint:
    "Invitations are written in it. Each member still chooses their own interface language.",
  autoAssign: "Assign a conversation to the member who replies first",
  autoAssignHint:
    "A reply from the inbox to an unassigned conversation makes it the replier's. Notes and replies sent through the API assign nobody.",
  save: "Save",
  saving: "Saving…",
  saved: "Workspace saved.",
  dangerHeading: "Delete this workspace",
  dangerIntro:
    "Deletes every conversation, message, customer, attachment, API key, AI agent and the audit log, for everyone. It cannot be undone.",
  ownerOnly: "Only an owner can delete the workspace.",
  delete: "Delete workspace…",
  deleteTitle: "Delete “{name}”?",
  deleteBody: "Everything in this workspace is deleted for all {count} member(s), at once and for good.",
  typeName: "Type the workspace's name to confirm: {name}",
  deleteConfirm: "Delete for good",
  deleting: "Deleting…",
  wrongName: "Type the name exactly as shown.",
  loading: "Loading…",
};

export const workspaceSettingsStrings: Record<UiLocale, typeof en> = {
  en,
  ar: {
    title: "مساحة العمل",
    intro:
      "اسم مساحة العمل، واللغة التي تُكتب بها الدعوات وبقية رسائلها البريدية، ولمن تُسند المحادثة التي رُدّ عليها.",
    name: "اسم مساحة العمل",
    nameRequired: "اكتب اسماً لمساحة العمل.",
    defaultLanguage: "لغة البريد الصادر عن مساحة العمل",
    defaultLanguageHint: "تُكتب بها الدعوات. ويختار كل عضو لغة واجهته بنفسه.",
    autoAssign: "إسناد المحادثة إلى أول عضو يرد عليها",
    autoAssignHint:
      "الرد من صندوق الوارد على محادثة غير مسندة يُسندها إلى صاحب الرد. الملاحظات والردود المرسلة عبر واجهة البرمجة لا تُسند إلى أحد.",
    save: "حفظ",
    saving: "جارٍ الحفظ…",
    saved: "تم حفظ مساحة العمل.",
    dangerHeading: "حذف مساحة العمل هذه",
    dangerIntro:
      "يحذف كل المحادثات والرسائل والعملاء والمرفقات ومفاتيح API ووكلاء الذكاء الاصطناعي وسجل التدقيق، للجميع. لا يمكن التراجع عنه.",
    ownerOnly: "وحده المالك يستطيع حذف مساحة العمل.",
    delete: "حذف مساحة العمل…",
    deleteTitle: "حذف «{name}»؟",
    deleteBody: "يُحذف كل ما في مساحة العمل هذه لجميع أعضائها ({count})، فوراً وإلى الأبد.",
    typeName: "اكتب اسم مساحة العمل للتأكيد: {name}",
    deleteConfirm: "حذف نهائي",
    deleting: "جارٍ الحذف…",
    wrongName: "اكتب الاسم تماماً كما يظهر.",
    loading: "جارٍ التحميل…",
  },
  tr: {
    title: "Çalışma alanı",
    intro:
      "Çalışma alanının adı, davetlerinin ve diğer e-postalarının yazıldığı dil ve yanıtlanan konuşmanın kime ait olduğu.",
    name: "Çalışma alanı adı",
    nameRequired: "Çalışma alanına bir ad verin.",
    defaultLanguage: "Çalışma alanı e-postalarının dili",
    defaultLanguageHint: "Davetler bu dilde yazılır. Her üye kendi arayüz dilini yine kendisi seçer.",
    autoAssign: "Konuşmayı ilk yanıtlayan üyeye ata",
    autoAssignHint:
      "Gelen kutusundan atanmamış bir konuşmaya verilen yanıt, konuşmayı yanıtlayana atar. Notlar ve API ile gönderilen yanıtlar kimseye atamaz.",
    save: "Kaydet",
    saving: "Kaydediliyor…",
    saved: "Çalışma alanı kaydedildi.",
    dangerHeading: "Bu çalışma alanını sil",
    dangerIntro:
      "Tüm konuşmaları, mesajları, müşterileri, ekleri, API anahtarlarını, yapay zekâ ajanlarını ve denetim kaydını herkes için siler. Geri alınamaz.",
    ownerOnly: "Çalışma alanını yalnızca bir sahip silebilir.",
    delete: "Çalışma alanını sil…",
    deleteTitle: "“{name}” silinsin mi?",
    deleteBody: "Bu çalışma alanındaki her şey {count} üyenin tümü için hemen ve kalıcı olarak silinir.",
    typeName: "Onaylamak için çalışma alanının adını yazın: {name}",
    deleteConfirm: "Kalıcı olarak sil",
    deleting: "Siliniyor…",
    wrongName: "Adı tam olarak gösterildiği gibi yazın.",
    loading: "Yükleniyor…",
  },
};
