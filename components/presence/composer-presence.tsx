"use client";
import { format, useStrings } from "@/components/i18n/locale";
import { useMemberNames } from "@/components/presence/member-name";
import type { Collision } from "@/components/presence/use-collision";
import { useColleaguesHere } from "@/components/presence/use-presence";

/**
 * In the composer, in place: a colleague replied while the member was writing, or is replying
 * now (from their typing signal), so two answers do not reach the customer unawares.
 */
export function ComposerPresence({ collision }: { collision: Collision | null }) {
  const t = useStrings("presence");
  const replying = useColleaguesHere().filter((c) => c.activity === "replying");
  const nameOf = useMemberNames(replying.length > 0 || collision !== null);
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
  return (
    <div role="status" data-composer-presence="">
      {lines.map((line) => (
        <p
          key={line.key}
          data-collision={line.key === "replied" ? "" : undefined}
          className="mx-3 mt-2 rounded-md bg-amber-50 px-3 py-1.5 text-xs font-medium text-amber-950"
        >
          {line.text}
        </p>
      ))}
    </div>
  );
}
