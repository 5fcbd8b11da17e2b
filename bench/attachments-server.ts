// The attachment routes alone in a process of their own, behind a real HTTP server on 127.0.0.1
// (the route handlers themselves, called as Next calls them, with the request body streaming
// from the socket), so bench/attachments.ts can read this process's memory and nothing else's.
// GET /bench/memory answers the highest RSS and heap seen since the last call, and starts again;
// `atStart` and `highestRss` cover the whole life of the process, first requests' loading included.
import type { NextRequest } from "next/server";
import { GET } from "@/app/api/attachments/[id]/route";
import { POST } from "@/app/api/attachments/route";
import { startTestServer } from "@/server/test/http-server";

const SAMPLE_EVERY_MS = 10;

type MemoryPeak = { rss: number; heapUsed: number; external: number };

function current(): MemoryPeak {
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heapUsed, external };
}

const atStart = current();
let highestRss = atStart.rss;
let before = current();
let peak = current();
setInterval(() => {
  const now = current();
  peak = {
    rss: Math.max(peak.rss, now.rss),
    heapUsed: Math.max(peak.heapUsed, now.heapUsed),
    external: Math.max(peak.external, now.external),
  };
  highestRss = Math.max(highestRss, now.rss);
}, SAMPLE_EVERY_MS);

const server = await startTestServer({
  "/bench/memory": async () => {
    const answer = { before, peak, atStart, highestRss };
    before = current();
    peak = current();
    return Response.json(answer);
  },
  "/api/attachments/": (req: NextRequest) =>
    GET(req, { params: Promise.resolve({ id: req.nextUrl.pathname.split("/").pop() ?? "" }) }),
  "/api/attachments": POST,
});
console.log(server.baseUrl);
