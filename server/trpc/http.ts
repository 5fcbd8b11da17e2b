import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { NextRequest } from "next/server";
import { liveShutdownSignal } from "@/server/events/shutdown";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/router";

/** The whole API over HTTP at /api/trpc: the route handler, and the tests' HTTP server. */
export function handleTrpcRequest(req: NextRequest): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext(req),
    // While stopping, tell keep-alive browsers to reconnect elsewhere: `next start` waits for
    // idle sockets of open tabs before it exits, and a kept-alive one never becomes idle.
    responseMeta: () => (liveShutdownSignal().aborted ? { headers: { connection: "close" } } : {}),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}
