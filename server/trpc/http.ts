import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { type TRPC_ERROR_CODE_KEY, TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { NextRequest } from "next/server";
import { env } from "@/server/env";
import { liveShutdownSignal } from "@/server/events/shutdown";
import { scopedRoute } from "@/server/http/route";
import { logUnexpected } from "@/server/http/unexpected-error";
import { readCappedText } from "@/server/limits/body";
import { MAX_BATCH_CALLS } from "@/server/limits/caps";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/router";

const ENDPOINT = "/api/trpc";

/** A refusal before tRPC runs, in the shape tRPC gives its own errors. */
function refusal(error: TRPCError): Response {
  const code: TRPC_ERROR_CODE_KEY = error.code;
  const httpStatus = getHTTPStatusCodeFromError(error);
  return Response.json(
    {
      error: {
        message: error.message,
        code: TRPC_ERROR_CODES_BY_KEY[code],
        data: { code, httpStatus },
      },
    },
    { status: httpStatus },
  );
}

/** The request with its body read under the JSON cap; tRPC would read any length. */
async function cappedRequest(req: NextRequest): Promise<NextRequest> {
  if (req.method !== "POST") return req;
  const maxBytes = env().API_MAX_BODY_BYTES;
  const body = await readCappedText(
    req,
    maxBytes,
    () =>
      new TRPCError({
        code: "PAYLOAD_TOO_LARGE",
        message: `The request body is larger than ${maxBytes} bytes.`,
      }),
  );
  return new NextRequest(req.url, { method: req.method, headers: req.headers, body });
}

/**
 * Refusals that need no body: a batch over the cap (before its body is read), and a path that
 * is not percent-encoding (tRPC would answer 500).
 */
function checkUrl(req: NextRequest): void {
  const url = new URL(req.url);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname.slice(ENDPOINT.length + 1));
  } catch {
    throw new TRPCError({ code: "BAD_REQUEST", message: "path: not valid percent-encoding" });
  }
  const calls = url.searchParams.get("batch") === "1" ? path.split(",").length : 1;
  if (calls > MAX_BATCH_CALLS) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `batch: ${calls} calls in one request; at most ${MAX_BATCH_CALLS}.`,
    });
  }
}

async function serve(req: NextRequest): Promise<Response> {
  let request: NextRequest;
  try {
    checkUrl(req);
    request = await cappedRequest(req);
  } catch (error) {
    if (error instanceof TRPCError) return refusal(error);
    throw error;
  }
  return fetchRequestHandler({
    endpoint: ENDPOINT,
    req: request,
    router: appRouter,
    createContext: ({ info }) => createContext(request, info.calls.length),
    // While stopping, tell keep-alive browsers to reconnect elsewhere: `next start` waits for
    // idle sockets of open tabs before it exits, and a kept-alive one never becomes idle.
    responseMeta: () => (liveShutdownSignal().aborted ? { headers: { connection: "close" } } : {}),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") logUnexpected(`tRPC ${path ?? "?"}`, error.cause ?? error);
    },
  });
}

/** The whole API over HTTP at /api/trpc: the route handler, and the tests' HTTP server. */
export const handleTrpcRequest = scopedRoute("tRPC", serve);
