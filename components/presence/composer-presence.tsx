"use client";
import { lazy, Suspense } from "react";
import type { Collision } from "@/components/presence/use-collision";
import { useColleaguesHere } from "@/components/presence/use-presence";

// Only while a colleague replies, or replied while the member wrote: the notices load then.
const ComposerNotices = lazy(() =>
  import("@/components/presence/composer-notices").then((module) => ({ default: module.ComposerNotices })),
);

/**
 * In the composer, in place: a colleague replied while the member was writing, or is replying
 * now (from their typing signal), so two answers do not reach the customer unawares.
 */
export function ComposerPresence({ collision }: { collision: Collision | null }) {
  const replying = useColleaguesHere().filter((c) => c.activity === "replying");
  return (
    <div role="status" data-composer-presence="">
      {replying.length > 0 || collision ? (
        <Suspense fallback={null}>
          <ComposerNotices replying={replying} collision={collision} />
        </Suspense>
      ) : null}
    </div>
  );
}
