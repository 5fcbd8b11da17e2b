import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";

type Handler = (req: NextRequest) => Promise<Response>;

/** The request as Next hands it to a route handler: the body still streaming from the socket. */
function toNextRequest(req: IncomingMessage, origin: string): NextRequest {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new NextRequest(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
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
      const response = await entry[1](toNextRequest(req, origin));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return { baseUrl: origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
