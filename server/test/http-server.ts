import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";

type Handler = (req: NextRequest) => Promise<Response>;

async function toNextRequest(req: IncomingMessage, origin: string): Promise<NextRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  return new NextRequest(new URL(req.url ?? "/", origin), { method: req.method, headers, body });
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
      const response = await entry[1](await toNextRequest(req, origin));
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
