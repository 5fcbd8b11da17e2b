import { z } from "zod";
import { AttachmentOutput, Locale } from "@/server/connect/schemas";

export const ReplyTarget = z.object({
  id: z.string(),
  senderName: z.string(),
  excerpt: z.string(),
});
export type ReplyTarget = z.infer<typeof ReplyTarget>;

export const Draft = z.object({
  /** The send's Idempotency-Key: one per draft, so every retry of it stores at most one message. */
  idempotencyKey: z.string().min(1),
  text: z.object({ en: z.string(), ar: z.string(), tr: z.string() }),
  locale: Locale,
  replyTo: ReplyTarget.nullable(),
  internal: z.boolean(),
  attachments: z.array(AttachmentOutput),
});
export type Draft = z.infer<typeof Draft>;

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
    const parsed = Draft.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
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
