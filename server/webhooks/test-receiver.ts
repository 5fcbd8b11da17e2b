import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** performance.now() when the body had arrived. */
  at: number;
};
type Answer = { status: number; body?: string; delayMs?: number };

/**
 * A webhook receiver on 127.0.0.1 for tests and the bench: records every request and answers
 * what `answer` says (200 by default), per path.
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  let answer: (request: ReceivedWebhook) => Answer = () => ({ status: 200, body: "ok" });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = {
        path: req.url ?? "/",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: performance.now(),
      };
      received.push(request);
      const { status, body = "", delayMs = 0 } = answer(request);
      const reply = () => {
        if (!res.destroyed) res.writeHead(status, { "content-type": "text/plain" }).end(body);
      };
      if (delayMs > 0) setTimeout(reply, delayMs).unref();
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    /** The requests made to one path (one endpoint). */
    at: (path: string) => received.filter((request) => request.path === path),
    answerWith(next: (request: ReceivedWebhook) => Answer) {
      answer = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
