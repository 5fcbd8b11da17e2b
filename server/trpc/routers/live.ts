import { TRPCError, type TrackedEnvelope, tracked } from "@trpc/server";
import { z } from "zod";
import { eventBus } from "@/server/events/bus";
import { openWorkspaceEvents } from "@/server/events/live-stream";
import { liveShutdownSignal } from "@/server/events/shutdown";
import { type LiveEvent, LiveEventsInput } from "@/server/events/types";
import { presenceOfConnection } from "@/server/presence/connection";
import { presenceRegistry } from "@/server/presence/registry";
import { memberProcedure, router } from "@/server/trpc/init";

/**
 * A stream of `tracked(id, event)`. Each event was checked against `InboxEvent` once, as the bus
 * took it (server/events/bus.ts), not again for every stream it fans out to: with a thousand
 * tabs open, a per-stream check was a thousand parses of every event.
 */
const LiveEventStream = z.custom<AsyncIterable<TrackedEnvelope<LiveEvent>>>(
  (value) => typeof value === "object" && value !== null && Symbol.asyncIterator in value,
);

/**
 * `v1.live.events`: one stream per browser tab of everything that changes in the caller's
 * workspace, by id, and of the caller's own notifications. Over server-sent events; reconnecting with the last id resumes it.
 */
export const liveRouter = router({
  events: memberProcedure
    .input(LiveEventsInput)
    .output(LiveEventStream)
    .subscription(async ({ ctx, input, signal }) => {
      const shutdown = liveShutdownSignal();
      const ended = AbortSignal.any(signal ? [signal, shutdown] : [shutdown]);
      const { workspaceId, memberId } = ctx.caller;
      const presence = presenceOfConnection(workspaceId, memberId, input.connectionId);
      // This instance knows who is where from the start, to answer the next presence update.
      presenceRegistry();
      ended.addEventListener(
        "abort",
        () => {
          presence
            .end(eventBus())
            .catch((error: unknown) => console.error("presence: left not published", error));
        },
        { once: true },
      );
      // Listening before the stream starts: once the client sees it start, nothing is missed.
      const events = await openWorkspaceEvents(eventBus(), ctx.caller, {
        lastEventId: input.lastEventId,
        signal: ended,
        admit: presence.admit,
      });
      return (async function* () {
        for await (const { id, event } of events) yield tracked(id, event);
        // An error, not a normal end: the client reconnects (to another instance, or to this
        // one once it is back) and resumes from its last event.
        if (shutdown.aborted) {
          throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The server is restarting." });
        }
      })();
    }),
});
