// A real HTTP server on 127.0.0.1 speaking the OpenAI chat-completions protocol, JSON and
// server-sent events, for tests: it can fail the next N requests, hang, or hold each request
// until the test lets it answer.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ChatRequest = {
  model: string;
  stream?: boolean;
  messages: { role: string; content: string }[];
  authorization: string | null;
};

type Answer = (request: ChatRequest) => string;

export type FakeOpenAi = {
  baseUrl: string;
  requests: ChatRequest[];
  /** What the next requests answer: text, or a function of the request. */
  answer: (answer: string | Answer) => void;
  /** The next `count` requests fail with this HTTP status. */
  failNext: (count: number, status?: number) => void;
  /** Requests hang (never answer) until `hang(false)`; their connections close on `close()`. */
  hang: (on: boolean) => void;
  /** Streamed answers send one word every `ms`, so a reader can watch the text grow. */
  pace: (ms: number) => void;
  /** Requests wait for `release()` before they answer. */
  hold: (on: boolean) => void;
  release: () => void;
  /** Resolves once `count` requests have arrived in total. */
  waitForRequests: (count: number) => Promise<void>;
  close: () => Promise<void>;
};

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function completion(model: string, text: string) {
  return {
    id: "chatcmpl-test",
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  };
}

async function streamCompletion(res: ServerResponse, model: string, text: string, paceMs: number) {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
    `data: ${JSON.stringify({
      id: "chatcmpl-test",
      object: "chat.completion.chunk",
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    })}\n\n`;
  res.write(chunk({ role: "assistant", content: "" }));
  for (const piece of text.match(/\S+\s*/gu) ?? [text]) {
    if (paceMs > 0) await new Promise((resolve) => setTimeout(resolve, paceMs));
    if (res.destroyed) return;
    res.write(chunk({ content: piece }));
  }
  res.write(chunk({}, "stop"));
  res.end("data: [DONE]\n\n");
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: ChatRequest[] = [];
  let answer: Answer = () => "Hello from the fake model.";
  let failures: { count: number; status: number } = { count: 0, status: 500 };
  let hanging = false;
  let holding = false;
  let paceMs = 0;
  let released: () => void = () => {};
  let gate = Promise.resolve();
  const waiters: { count: number; resolve: () => void }[] = [];
  const open = new Set<ServerResponse>();

  const server = createServer(async (req, res) => {
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      sendJson(res, 404, { error: { message: "not found" } });
      return;
    }
    const body = await readJson(req);
    const request: ChatRequest = {
      model: String(body.model),
      stream: body.stream === true,
      messages: (body.messages as ChatRequest["messages"]) ?? [],
      authorization: req.headers.authorization ?? null,
    };
    requests.push(request);
    for (const waiter of waiters.filter((w) => requests.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    if (hanging) {
      open.add(res);
      res.on("close", () => open.delete(res));
      return;
    }
    if (holding) await gate;
    if (failures.count > 0) {
      failures = { ...failures, count: failures.count - 1 };
      sendJson(res, failures.status, { error: { message: "The fake model is down", type: "server_error" } });
      return;
    }
    const text = answer(request);
    if (request.stream) await streamCompletion(res, request.model, text, paceMs);
    else sendJson(res, 200, completion(request.model, text));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    answer: (next) => {
      answer = typeof next === "string" ? () => next : next;
    },
    failNext: (count, status = 500) => {
      failures = { count, status };
    },
    hang: (on) => {
      hanging = on;
    },
    pace: (ms) => {
      paceMs = ms;
    },
    hold: (on) => {
      holding = on;
      if (on) gate = new Promise((resolve) => (released = resolve));
      else released();
    },
    release: () => released(),
    waitForRequests: (count) =>
      requests.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
