import type { OutgoingMail } from "@/server/mail/transport";

export type MailLocale = "en" | "ar" | "tr";
type Role = "owner" | "admin" | "agent";

const STRINGS = {
  en: {
    subject: "{inviter} invited you to {workspace} on Connect Inbox",
    body: "{inviter} invited you to join {workspace} on Connect Inbox as {role}.",
    action: "Accept the invitation",
    expires: "The link works once and expires on {date}.",
    ignore: "If you did not expect this invitation, you can ignore this mail.",
    roles: { owner: "an owner", admin: "an admin", agent: "an agent" },
  },
  ar: {
    subject: "دعاك {inviter} للانضمام إلى {workspace} على Connect Inbox",
    body: "دعاك {inviter} للانضمام إلى مساحة العمل {workspace} على Connect Inbox بدور {role}.",
    action: "قبول الدعوة",
    expires: "يعمل الرابط مرة واحدة وتنتهي صلاحيته في {date}.",
    ignore: "إذا لم تكن تتوقع هذه الدعوة، يمكنك تجاهل هذه الرسالة.",
    roles: { owner: "مالك", admin: "مشرف", agent: "موظف دعم" },
  },
  tr: {
    subject: "{inviter} sizi Connect Inbox'ta {workspace} çalışma alanına davet etti",
    body: "{inviter} sizi Connect Inbox'ta {workspace} çalışma alanına {role} olarak katılmaya davet etti.",
    action: "Daveti kabul et",
    expires: "Bağlantı yalnızca bir kez çalışır ve {date} tarihinde sona erer.",
    ignore: "Bu daveti beklemiyorsanız bu e-postayı yok sayabilirsiniz.",
    roles: { owner: "sahip", admin: "yönetici", agent: "temsilci" },
  },
} as const;

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** The invitation mail in the workspace's language: a text part and an HTML part (right-to-left in Arabic). */
export function invitationMail(input: {
  to: string;
  locale: MailLocale;
  workspaceName: string;
  inviterName: string;
  role: Role;
  link: string;
  expiresAt: Date;
}): OutgoingMail {
  const t = STRINGS[input.locale];
  const date = new Intl.DateTimeFormat(input.locale, { dateStyle: "long", timeZone: "UTC" }).format(
    input.expiresAt,
  );
  const values = {
    inviter: input.inviterName,
    workspace: input.workspaceName,
    role: t.roles[input.role],
    date,
  };
  const html = (text: string) =>
    fill(
      text,
      Object.fromEntries(
        Object.entries(values).map(([key, value]) => [key, `<strong>${escapeHtml(value)}</strong>`]),
      ),
    );
  const dir = input.locale === "ar" ? "rtl" : "ltr";
  return {
    to: input.to,
    subject: fill(t.subject, values),
    text: [
      fill(t.body, values),
      "",
      `${t.action}: ${input.link}`,
      "",
      fill(t.expires, values),
      t.ignore,
    ].join("\n"),
    html: `<!doctype html>
<html lang="${input.locale}" dir="${dir}">
<body style="font-family: sans-serif; line-height: 1.5; color: #0f172a;">
<div dir="${dir}" style="text-align: ${dir === "rtl" ? "right" : "left"};">
<p>${html(t.body)}</p>
<p><a href="${escapeHtml(input.link)}" style="display: inline-block; padding: 8px 16px; background: #1d4ed8; color: #ffffff; border-radius: 6px; text-decoration: none;">${escapeHtml(t.action)}</a></p>
<p dir="ltr" style="text-align: ${dir === "rtl" ? "right" : "left"}; font-size: 13px;"><a href="${escapeHtml(input.link)}">${escapeHtml(input.link)}</a></p>
<p style="font-size: 13px; color: #475569;">${escapeHtml(fill(t.expires, values))}<br>${escapeHtml(t.ignore)}</p>
</div>
</body>
</html>`,
  };
}
