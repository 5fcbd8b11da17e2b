"use client";
import { useStrings } from "@/components/i18n/locale";
import { MENTION_LISTBOX_ID, mentionOptionId } from "@/components/notifications/use-mention-picker";
import type { MemberOutput } from "@/server/workspace/schemas";

/** The members a note's `@` offers; the textarea keeps focus and the keys (aria-activedescendant). */
export function MentionList({
  matches,
  activeId,
  onChoose,
}: {
  matches: MemberOutput[];
  activeId: string | undefined;
  onChoose: (member: MemberOutput) => void;
}) {
  const t = useStrings("notifications");
  return (
    <div className="absolute inset-x-3 bottom-full z-40 mb-1 rounded-md bg-white text-sm shadow-lg ring-1 ring-slate-200">
      {matches.length === 0 ? (
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
            aria-selected={member.memberId === activeId}
            // The textarea keeps focus: a press chooses without blurring it.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChoose(member)}
            onKeyDown={(event) => {
              if (event.key === "Enter") onChoose(member);
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
