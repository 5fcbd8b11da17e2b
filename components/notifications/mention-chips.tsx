"use client";
import { trpc } from "@/client/trpc";
import { useStrings } from "@/components/i18n/locale";
import { splitMentions } from "@/server/notifications/mention-tokens";

/**
 * A note's text with its mentions as chips showing the member's current name (a rename shows
 * the new name); a member no longer in the workspace shows as a former member.
 */
export function MentionText({ text }: { text: string }) {
  const t = useStrings("notifications");
  const members = trpc.v1.workspace.members.useQuery(undefined, { staleTime: 5 * 60_000 });
  const names = new Map((members.data ?? []).map((m) => [m.memberId, m.name]));
  return splitMentions(text).map((part, index) =>
    part.kind === "text" ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one text, in order.
      <span key={index}>{part.text}</span>
    ) : (
      <span
        // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one text, in order.
        key={index}
        data-mention={part.memberId}
        className="rounded bg-blue-100 px-1 font-medium text-blue-900 [unicode-bidi:isolate]"
      >
        @{names.get(part.memberId) ?? t.formerMember}
      </span>
    ),
  );
}
