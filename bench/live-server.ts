// One app instance's route handlers for the live bench, the same functions `next start` calls
// (app/api/live/route.ts for the streams, app/api/trpc for sends and presence), on a node http
// server on 127.0.0.1 that writes responses with Next's own pipe (server/test/http-server.ts),
// in a process of its own, so bench/live.ts reads this process's memory and nothing else's.
// GET /bench/memory collects garbage (the process runs with --expose-gc) and answers
// process.memoryUsage().

import { GET as liveRoute } from "@/app/api/live/route";
import { startTestServer } from "@/server/test/http-server";
import { handleTrpcRequest } from "@/server/trpc/http";

const gc = (globalThis as { gc?: () => void }).gc;

const server = await startTestServer({
  "/bench/memory": async () => {
    for (let i = 0; i < 3; i++) {
      gc?.();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return Response.json(process.memoryUsage());
  },
  "/api/live": liveRoute,
  "/api/trpc": handleTrpcRequest,
});
console.log(server.baseUrl);
