// One app instance's tRPC route handler (app/api/trpc/[trpc]/route.ts, the same function `next
// start` calls) on a node http server on 127.0.0.1, in a process of its own, so bench/live.ts
// reads this process's memory and nothing else's. GET /bench/memory collects garbage (the
// process runs with --expose-gc) and answers process.memoryUsage().

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
  "/api/trpc": handleTrpcRequest,
});
console.log(server.baseUrl);
