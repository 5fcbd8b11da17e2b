"use client";
import { type KeyboardEvent, useRef, useState } from "react";

export const MENTION_LISTBOX_ID = "composer-mentions";
export const mentionOptionId = (memberId: string) => `${MENTION_LISTBOX_ID}-${memberId}`;

export type MentionTrigger = { start: number; query: string };
export type MentionKeys = (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;

/**
 * The `@word` being typed just before the caret, if any: where it starts and what follows the @.
 * An @ inside a word (an email address) does not start a mention.
 */
function mentionQueryAt(text: string, caret: number): MentionTrigger | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0 || (at > 0 && !/\s/.test(before[at - 1] ?? ""))) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /\n|\s{2}/.test(query)) return null;
  return { start: at, query };
}

/**
 * Whether a note's `@` is being typed. The list itself (components/notifications/mention-list.tsx,
 * loaded when first shown) filters the members and takes ↑/↓, Enter, Tab and Escape through `keys`.
 */
export function useMentionTrigger(enabled: boolean) {
  const [trigger, setTrigger] = useState<MentionTrigger | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [activeOptionId, setActiveOptionId] = useState<string | undefined>(undefined);
  const keys = useRef<MentionKeys | null>(null);
  const open = enabled && trigger !== null && dismissedAt !== trigger.start;
  return {
    open,
    trigger,
    keys,
    activeOptionId: open ? activeOptionId : undefined,
    setActiveOptionId,
    onTextChange(text: string, caret: number) {
      const found = enabled ? mentionQueryAt(text, caret) : null;
      setTrigger(found);
      if (found?.start !== dismissedAt) setDismissedAt(null);
    },
    onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) =>
      open ? (keys.current?.(event) ?? false) : false,
    dismiss: () => setDismissedAt(trigger?.start ?? null),
    close: () => setTrigger(null),
  };
}
