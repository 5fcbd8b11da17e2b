import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { pipeToNodeResponse } from "next/dist/server/pipe-readable";
import { NextRequest } from "next/server";

type Handler = (req: NextRequest) => Promise<Response>;

/** The request as Next hands it to a route handler: the body still streaming from the socket. */
function toNextRequest(req: IncomingMessage, origin: string, signal: AbortSignal): NextRequest {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new NextRequest(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    // The socket itself, as Next's own adapter passes it (NextRequestAdapter.fromNodeNextRequest):
    // undici reads it as the route pulls, so a slow reader holds the sender back. Readable.toWeb
    // on Node 20 reads ahead without limit instead, which no client of `next start` sees.
    body: hasBody ? (req as unknown as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
    signal,
  });
}

/** A real HTTP server on 127.0.0.1 in front of route handlers, so tests call the API as clients do. */
export async function startTestServer(
  routes: Record<string, Handler>,
): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  let origin = "";
  const server = createServer(async (req, res) => {
    try {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const entry = Object.entries(routes).find(([prefix]) => path.startsWith(prefix));
      if (!entry) {
        res.writeHead(404).end();
        return;
      }
      // A client that goes away aborts the request, as under Next: a subscription's stream ends.
      const gone = new AbortController();
      res.on("close", () => gone.abort());
      const response = await entry[1](toNextRequest(req, origin, gone.signal));
      const headers = Object.fromEntries(response.headers);
      // Answered before the body was read (a refusal): the socket cannot carry another request.
      if (!req.complete) headers.connection = "close";
      res.writeHead(response.status, headers);
      if (!response.body) {
        res.end();
        return;
      }
      // Next's own pipe, as `next start` writes a route's response: streamed as written, waiting
      // for the socket to drain, so a client that stops reading holds the writer back.
      await pipeToNodeResponse(response.body, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500).end(String(error));
      else res.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: origin,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
