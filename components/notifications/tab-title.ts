/**
 * The tab title's counts: unread conversations as "(3)", as before, then unread notifications as
 * "🔔2" ("🔔99+" beyond the bell's cap): "(3) 🔔2 Inbox". Each part is set by its own view; the
 * title is rebuilt from the page's own title, never parsed back.
 */
const counts = { conversations: "", notifications: "" };
let base: string | null = null;

export function setTitleCount(part: keyof typeof counts, text: string): void {
  base ??= document.title;
  counts[part] = text;
  const prefix = [counts.conversations, counts.notifications].filter(Boolean).join(" ");
  document.title = prefix ? `${prefix} ${base}` : base;
}
