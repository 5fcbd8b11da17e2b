import { TRPCError } from "@trpc/server";
import type { NextRequest } from "next/server";
import { errorResponse, requireCaller } from "@/server/attachments/http";
import { liveShutdownSignal } from "@/server/events/shutdown";
import { LiveEventsInput } from "@/server/events/types";
import { scopedRoute } from "@/server/http/route";
import { LiveHubClosed, liveHub, TooManyLiveStreams } from "@/server/live/hub";
import { presenceRegistry } from "@/server/presence/registry";

const STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform: `next start` would otherwise gzip the stream, and hold events back to do so.
  "cache-control": "no-cache, no-transform",
  // Proxies such as nginx buffer a response unless told not to.
  "x-accel-buffering": "no",
};

/** While this instance stops: the browser tries again, and `connection: close` sends it elsewhere. */
function restarting(): Response {
  return Response.json(
    { error: { code: "SERVICE_UNAVAILABLE", message: "The server is restarting." } },
    { status: 503, headers: { connection: "close", "cache-control": "no-store" } },
  );
}

/**
 * The tab's id and where to resume: `Last-Event-ID` as the browser's EventSource sends it when it
 * reconnects by itself, else `lastEventId` in the query (a stream the page opened again).
 */
function streamInput(req: NextRequest): LiveEventsInput {
  const query = req.nextUrl.searchParams;
  const parsed = LiveEventsInput.safeParse({
    lastEventId: req.headers.get("last-event-id") || query.get("lastEventId") || null,
    connectionId: query.get("connectionId") || null,
  });
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  throw new TRPCError({ code: "BAD_REQUEST", message });
}

async function serve(req: NextRequest): Promise<Response> {
  if (liveShutdownSignal().aborted) return restarting();
  try {
    const { caller } = await requireCaller(req);
    const input = streamInput(req);
    // This instance knows who is where from the start, to answer the next presence update.
    presenceRegistry();
    const stream = await liveHub().open(
      {
        workspaceId: caller.workspaceId,
        memberId: caller.memberId,
        connectionId: input.connectionId ?? null,
        lastEventId: input.lastEventId ?? null,
      },
      req.signal,
    );
    return new Response(stream, { headers: STREAM_HEADERS });
  } catch (error) {
    if (error instanceof LiveHubClosed) return restarting();
    if (error instanceof TooManyLiveStreams) {
      return errorResponse(
        new TRPCError({ code: "TOO_MANY_REQUESTS", message: "Too many live streams open for this member." }),
        "live",
      );
    }
    return errorResponse(error, "live");
  }
}

/**
 * GET /api/live: the tab's one stream of everything that changes in the caller's workspace (by
 * id), of the caller's own notifications, and of colleagues' presence in the conversation the tab
 * has open, as server-sent events. The caller is resolved as every API call is (session cookie or
 * API key); `?connectionId=` is the tab's id, as its presence updates carry it.
 */
export const handleLiveRequest = scopedRoute("live", serve);
