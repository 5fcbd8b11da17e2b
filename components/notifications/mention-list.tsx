"use client";
import { type RefObject, useEffect, useLayoutEffect, useState } from "react";
import { trpc } from "@/client/trpc";
import { foldText } from "@/components/i18n/fold";
import { useStrings, useUiLocale } from "@/components/i18n/locale";
import {
  MENTION_LISTBOX_ID,
  type MentionKeys,
  type MentionTrigger,
  mentionOptionId,
} from "@/components/notifications/use-mention-picker";
import type { MemberOutput } from "@/server/workspace/schemas";

/** The members whose name (any word of it) or email starts with what was typed, then those containing it. */
function matchMembers(members: MemberOutput[], query: string, locale: string): MemberOutput[] {
  const needle = foldText(query.trim(), locale);
  if (!needle) return members;
  const starts: MemberOutput[] = [];
  const contains: MemberOutput[] = [];
  for (const member of members) {
    const name = foldText(member.name, locale);
    const email = member.email.toLocaleLowerCase();
    if (name.split(/\s+/).some((word) => word.startsWith(needle)) || email.startsWith(needle))
      starts.push(member);
    else if (name.includes(needle) || email.includes(needle)) contains.push(member);
  }
  return [...starts, ...contains];
}

/**
 * The members a note's `@` offers (not the writer), filtered by what follows it. The textarea
 * keeps focus (aria-activedescendant); ↑/↓ move, Enter or Tab put "@Name " in the text, Escape
 * closes the list and leaves the note as it is.
 */
export function MentionList({
  trigger,
  text,
  textarea,
  keys,
  setText,
  onActive,
  onDismiss,
}: {
  trigger: MentionTrigger;
  text: string;
  textarea: RefObject<HTMLTextAreaElement | null>;
  keys: RefObject<MentionKeys | null>;
  setText: (text: string) => void;
  onActive: (optionId: string | undefined) => void;
  onDismiss: () => void;
}) {
  const t = useStrings("notifications");
  const locale = useUiLocale();
  const me = trpc.v1.workspace.me.useQuery();
  const members = trpc.v1.workspace.members.useQuery(undefined, { staleTime: 5 * 60_000 });
  const others = (members.data ?? []).filter((m) => m.memberId !== me.data?.memberId);
  const matches = matchMembers(others, trigger.query, locale).slice(0, 8);
  const [index, setIndex] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query starts from the top
  useEffect(() => setIndex(0), [trigger.query]);
  const active = matches[Math.min(index, matches.length - 1)];
  useEffect(() => onActive(active ? mentionOptionId(active.memberId) : undefined), [active, onActive]);

  function choose(member: MemberOutput) {
    const end = trigger.start + 1 + trigger.query.length;
    const inserted = `@${member.name} `;
    setText(text.slice(0, trigger.start) + inserted + text.slice(end));
    const caret = trigger.start + inserted.length;
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(caret, caret);
    });
  }

  useLayoutEffect(() => {
    keys.current = (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        onDismiss();
        return true;
      }
      if (matches.length === 0) return false;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setIndex((i) => (Math.min(i, matches.length - 1) + step + matches.length) % matches.length);
        return true;
      }
      const chooses = event.key === "Enter" || event.key === "Tab";
      if (chooses && !event.shiftKey && !event.nativeEvent.isComposing && active) {
        event.preventDefault();
        choose(active);
        return true;
      }
      return false;
    };
    return () => {
      keys.current = null;
    };
  });

  return (
    <div className="absolute inset-x-3 bottom-full z-40 mb-1 rounded-md bg-white text-sm shadow-lg ring-1 ring-slate-200">
      {matches.length === 0 && members.data ? (
        <p role="status" className="px-3 py-2 text-slate-600">
          {t.noMemberMatch}
        </p>
      ) : null}
      <div
        id={MENTION_LISTBOX_ID}
        role="listbox"
        aria-label={t.mentionMembers}
        className="max-h-56 overflow-y-auto py-1"
      >
        {matches.map((member) => (
          <div
            key={member.memberId}
            id={mentionOptionId(member.memberId)}
            role="option"
            tabIndex={-1}
            aria-selected={member.memberId === active?.memberId}
            // The textarea keeps focus: a press chooses without blurring it.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(member)}
            onKeyDown={(event) => {
              if (event.key === "Enter") choose(member);
            }}
            className="flex cursor-default items-baseline gap-2 px-3 py-1.5 aria-selected:bg-blue-50"
          >
            <span className="font-medium">{member.name}</span>
            <span dir="ltr" className="truncate text-slate-600 text-xs">
              {member.email}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
