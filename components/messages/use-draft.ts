"use client";
import { useCallback, useEffect, useState } from "react";
import {
  type Draft,
  draftStorageKey,
  emptyDraft,
  loadDraft,
  saveDraft,
} from "@/components/messages/draft-storage";
import type { Locale } from "@/server/connect/schemas";

/**
 * The conversation's draft, kept in localStorage per workspace and conversation. Null until
 * the workspace and the default locale are known, so nothing typed is ever overwritten by a
 * draft loaded late.
 */
export function useDraft(
  workspaceId: string | undefined,
  conversationId: string,
  defaultLocale: Locale | null,
) {
  const storageKey = workspaceId && defaultLocale ? draftStorageKey(workspaceId, conversationId) : null;
  const [state, setState] = useState<{ key: string; draft: Draft } | null>(null);

  useEffect(() => {
    if (!storageKey || !defaultLocale) return;
    setState((current) =>
      current?.key === storageKey
        ? current
        : { key: storageKey, draft: loadDraft(storageKey) ?? emptyDraft(defaultLocale) },
    );
  }, [storageKey, defaultLocale]);

  useEffect(() => {
    if (state) saveDraft(state.key, state.draft);
  }, [state]);

  const update = useCallback((change: (draft: Draft) => Draft) => {
    setState((current) => (current ? { ...current, draft: change(current.draft) } : current));
  }, []);

  /**
   * After a successful send: a new draft with a new Idempotency-Key, a reply (not a note), in the
   * conversation's language again rather than the one just used.
   */
  const reset = useCallback(() => {
    setState((current) =>
      current ? { ...current, draft: emptyDraft(defaultLocale ?? current.draft.locale) } : current,
    );
  }, [defaultLocale]);

  return { draft: state?.draft ?? null, update, reset };
}
