import type { Locale } from "@/server/connect/locales";
import { LOCALES } from "@/server/connect/locales";
import type { AttachmentOutput } from "@/server/connect/schemas";

export type ReplyTarget = { id: string; senderName: string; excerpt: string };

export type Draft = {
  /** The send's Idempotency-Key: one per draft, so every retry of it stores at most one message. */
  idempotencyKey: string;
  text: Record<Locale, string>;
  locale: Locale;
  replyTo: ReplyTarget | null;
  internal: boolean;
  attachments: AttachmentOutput[];
};

// Checked by hand rather than with the zod schemas: zod would add ~30 kB to the inbox's first load.
type Unknown = Record<string, unknown>;
const isRecord = (value: unknown): value is Unknown => typeof value === "object" && value !== null;
const isString = (value: unknown): value is string => typeof value === "string";
const isLocale = (value: unknown): value is Locale => LOCALES.some((locale) => locale === value);

function isReplyTarget(value: unknown): value is ReplyTarget {
  return isRecord(value) && isString(value.id) && isString(value.senderName) && isString(value.excerpt);
}

function isAttachment(value: unknown): value is AttachmentOutput {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.fileName) &&
    isString(value.mimeType) &&
    Number.isInteger(value.size) &&
    isString(value.url)
  );
}

/** A stored draft as written by `saveDraft`, or null for anything else (an old format, a hand edit). */
export function parseDraft(value: unknown): Draft | null {
  if (!isRecord(value)) return null;
  const { idempotencyKey, text, locale, replyTo, internal, attachments } = value;
  if (!isString(idempotencyKey) || idempotencyKey === "") return null;
  if (!isRecord(text) || !LOCALES.every((l) => isString(text[l]))) return null;
  if (!isLocale(locale) || typeof internal !== "boolean") return null;
  if (replyTo !== null && !isReplyTarget(replyTo)) return null;
  if (!Array.isArray(attachments) || !attachments.every(isAttachment)) return null;
  return {
    idempotencyKey,
    text: { en: String(text.en), ar: String(text.ar), tr: String(text.tr) },
    locale,
    replyTo:
      replyTo === null ? null : { id: replyTo.id, senderName: replyTo.senderName, excerpt: replyTo.excerpt },
    internal,
    attachments: attachments.map(({ id, fileName, mimeType, size, url }) => ({
      id,
      fileName,
      mimeType,
      size,
      url,
    })),
  };
}

/** crypto.randomUUID exists only in secure contexts; an inbox served over plain http still gets a v4 UUID. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function emptyDraft(locale: Locale): Draft {
  return {
    idempotencyKey: newIdempotencyKey(),
    text: { en: "", ar: "", tr: "" },
    locale,
    replyTo: null,
    internal: false,
    attachments: [],
  };
}

export function isBlank(draft: Draft): boolean {
  return (
    Object.values(draft.text).every((text) => text.trim() === "") &&
    draft.attachments.length === 0 &&
    !draft.replyTo &&
    !draft.internal
  );
}

export function draftStorageKey(workspaceId: string, conversationId: string): string {
  return `connect-inbox:draft:v1:${workspaceId}:${conversationId}`;
}

export function loadDraft(key: string): Draft | null {
  try {
    const stored = window.localStorage.getItem(key);
    if (!stored) return null;
    return parseDraft(JSON.parse(stored));
  } catch {
    return null;
  }
}

/** A blank draft is removed rather than stored, so storage holds only drafts worth restoring. */
export function saveDraft(key: string, draft: Draft): void {
  try {
    if (isBlank(draft)) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or disabled (private mode): the draft lives as long as the page.
  }
}
