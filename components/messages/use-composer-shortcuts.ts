"use client";
import type { RefObject } from "react";
import { useShortcut } from "@/components/keyboard/keyboard-provider";
import { isTypingTarget } from "@/components/keyboard/shortcuts";
import type { Draft } from "@/components/messages/draft-storage";
import { preloadUploads } from "@/components/messages/use-uploads";
import { LOCALES } from "@/server/connect/locales";

type Options = {
  draft: Draft;
  update: (change: (draft: Draft) => Draft) => void;
  textarea: RefObject<HTMLTextAreaElement | null>;
  fileInput: RefObject<HTMLInputElement | null>;
  submit: () => void;
  openTemplates: () => void;
};

/** Focuses the textarea once React has rendered it (it remounts when the locale changes). */
export function focusComposer(textarea: RefObject<HTMLTextAreaElement | null>) {
  requestAnimationFrame(() => textarea.current?.focus());
}

/** The note switch is on and nothing is written or attached yet. */
export function isEmptyNote(draft: Draft): boolean {
  return (
    draft.internal && draft.attachments.length === 0 && LOCALES.every((l) => draft.text[l].trim() === "")
  );
}

/**
 * r focuses the composer, n toggles the internal note, t opens the templates, Shift+U attaches,
 * Ctrl/⌘+Shift+L cycles the reply language, Ctrl/⌘+Enter sends. The textarea handles its own
 * Ctrl/⌘+Enter first; this one serves the palette and focus elsewhere in the composer.
 */
export function useComposerShortcuts({ draft, update, textarea, fileInput, submit, openTemplates }: Options) {
  function inComposer(): boolean {
    const form = textarea.current?.closest("form");
    return Boolean(form?.contains(document.activeElement));
  }

  useShortcut("composer.focus", () => {
    if (!textarea.current) return false;
    // R is Reply: a note switched on and left empty does not make it a note.
    if (isEmptyNote(draft)) update((d) => ({ ...d, internal: false }));
    textarea.current.focus();
    return true;
  });
  useShortcut("composer.send", () => {
    // Never send the draft from another field, such as the conversation search.
    if (isTypingTarget(document.activeElement) && !inComposer()) return false;
    submit();
    return true;
  });
  useShortcut("composer.internalNote", () => {
    update((d) => ({ ...d, internal: !d.internal }));
    focusComposer(textarea);
    return true;
  });
  useShortcut("composer.nextLocale", () => {
    const next = LOCALES[(LOCALES.indexOf(draft.locale) + 1) % LOCALES.length];
    if (!next) return false;
    const typing = document.activeElement === textarea.current;
    update((d) => ({ ...d, locale: next }));
    if (typing || !inComposer()) focusComposer(textarea);
    return true;
  });
  useShortcut("composer.template", () => {
    openTemplates();
    return true;
  });
  useShortcut("composer.attach", () => {
    if (!fileInput.current) return false;
    preloadUploads();
    fileInput.current.click();
    return true;
  });
}
