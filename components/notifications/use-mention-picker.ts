"use client";
import { type KeyboardEvent, type RefObject, useState } from "react";
import { trpc } from "@/client/trpc";
import { useUiLocale } from "@/components/i18n/locale";
import { matchMembers, mentionQueryAt } from "@/components/notifications/mention-text";
import type { MemberOutput } from "@/server/workspace/schemas";

export const MENTION_LISTBOX_ID = "composer-mentions";
export const mentionOptionId = (memberId: string) => `${MENTION_LISTBOX_ID}-${memberId}`;

type State = { start: number; query: string; active: number; dismissedAt: number | null } | null;

/**
 * `@` in a note offers the workspace's members (not the writer), filtered by what follows it;
 * ↑/↓ move, Enter or Tab put "@Name " in the text, Escape closes the list (the note stays).
 */
export function useMentionPicker({
  enabled,
  text,
  textarea,
  setText,
}: {
  enabled: boolean;
  text: string;
  textarea: RefObject<HTMLTextAreaElement | null>;
  setText: (text: string) => void;
}) {
  const locale = useUiLocale();
  const [state, setState] = useState<State>(null);
  const me = trpc.v1.workspace.me.useQuery();
  const members = trpc.v1.workspace.members.useQuery(undefined, { staleTime: 5 * 60_000, enabled });
  const others = (members.data ?? []).filter((m) => m.memberId !== me.data?.memberId);
  const matches = state ? matchMembers(others, state.query, locale).slice(0, 8) : [];
  const open = enabled && state !== null && state.dismissedAt !== state.start;
  const active = open ? matches[Math.min(state.active, matches.length - 1)] : undefined;

  function onTextChange(next: string, caret: number) {
    if (!enabled) return;
    const found = mentionQueryAt(next, caret);
    setState((was) =>
      found
        ? {
            ...found,
            active: was?.query === found.query ? was.active : 0,
            dismissedAt: was?.start === found.start ? was.dismissedAt : null,
          }
        : null,
    );
  }

  function choose(member: MemberOutput) {
    if (!state) return;
    const caret = state.start + 1 + state.query.length;
    const inserted = `@${member.name} `;
    const next = text.slice(0, state.start) + inserted + text.slice(caret);
    setText(next);
    setState(null);
    const at = state.start + inserted.length;
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(at, at);
    });
  }

  /** True when the key was the list's. */
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!open || !state) return false;
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setState({ ...state, dismissedAt: state.start });
      return true;
    }
    if (matches.length === 0) return false;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setState({
        ...state,
        active: (Math.min(state.active, matches.length - 1) + step + matches.length) % matches.length,
      });
      return true;
    }
    if (
      (event.key === "Enter" || event.key === "Tab") &&
      !event.shiftKey &&
      !event.nativeEvent.isComposing &&
      active
    ) {
      event.preventDefault();
      choose(active);
      return true;
    }
    return false;
  }

  return {
    open,
    matches,
    activeId: active?.memberId,
    activeOptionId: active ? mentionOptionId(active.memberId) : undefined,
    onTextChange,
    onKeyDown,
    choose,
    close: () => setState(null),
  };
}
