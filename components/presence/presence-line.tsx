"use client";
import { lazy, Suspense } from "react";
import { useStrings } from "@/components/i18n/locale";
import { useConversationPresence } from "@/components/presence/use-presence";

// Only while colleagues have the conversation open: who they are and what they do load then.
const PresenceNames = lazy(() =>
  import("@/components/presence/presence-names").then((module) => ({ default: module.PresenceNames })),
);

/**
 * Under the conversation's title: the colleagues who have it open (never the member, in any of
 * their tabs), as initials and names, and who of them is replying or writing a note now. The
 * status region is there from the first paint, so what comes into it is announced.
 */
export function PresenceLine({ conversationId }: { conversationId: string }) {
  const t = useStrings("presence");
  const colleagues = useConversationPresence(conversationId);
  return (
    <div
      role="status"
      aria-label={t.here}
      data-presence=""
      className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600"
    >
      {colleagues.length > 0 ? (
        <Suspense fallback={null}>
          <PresenceNames colleagues={colleagues} />
        </Suspense>
      ) : null}
    </div>
  );
}
