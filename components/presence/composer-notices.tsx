"use client";
import { format, useStrings } from "@/components/i18n/locale";
import { useMemberNames } from "@/components/presence/member-name";
import type { Collision } from "@/components/presence/use-collision";
import type { ColleaguePresence } from "@/server/presence/schemas";

/** The composer's presence notices (components/presence/composer-presence.tsx), one a line. */
export function ComposerNotices({
  replying,
  collision,
}: {
  replying: ColleaguePresence[];
  collision: Collision | null;
}) {
  const t = useStrings("presence");
  const nameOf = useMemberNames(true);
  const collidedWith = collision ? nameOf(collision.memberId) : undefined;
  const lines = [
    ...(collidedWith
      ? [{ key: "replied", text: format(t.repliedWhileWriting, { name: collidedWith }) }]
      : []),
    ...replying.flatMap((c) => {
      const name = nameOf(c.memberId);
      return name ? [{ key: c.memberId, text: format(t.replying, { name }) }] : [];
    }),
  ];
  return lines.map((line) => (
    <p
      key={line.key}
      data-collision={line.key === "replied" ? "" : undefined}
      className="mx-3 mt-2 rounded-md bg-amber-50 px-3 py-1.5 text-xs font-medium text-amber-950"
    >
      {line.text}
    </p>
  ));
}
