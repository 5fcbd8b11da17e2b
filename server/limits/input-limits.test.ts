import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { startAppServer } from "@/server/test/app-routes";
import { createTestConversation, createTestWorkspace, type TestWorkspace } from "@/server/test/fixtures";

let server: Awaited<ReturnType<typeof startAppServer>>;
let ws: TestWorkspace;
let conversationId: string;

beforeAll(async () => {
  server = await startAppServer();
  ws = await createTestWorkspace();
  ({ conversationId } = await createTestConversation(ws.workspaceId));
});
afterAll(() => server.close());

type TrpcError = {
  error: { message: string; data: { code: string; httpStatus: number; issues?: { path: string }[] } };
};

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${server.baseUrl}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${ws.owner.apiKey}`, "content-type": "application/json", ...headers },
    body,
  });
}

function get(path: string) {
  return fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${ws.owner.apiKey}` } });
}

const query = (procedure: string, input: unknown) =>
  get(`/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`);

async function messageCount() {
  return db().message.count({ where: { workspaceId: ws.workspaceId } });
}

describe("input PostgreSQL cannot store is a 400 naming the field", () => {
  it("refuses NUL and lone surrogates in values and keys, anywhere in the input, and stores nothing", async () => {
    const before = await messageCount();
    const cases: [unknown, string, RegExp][] = [
      [{ conversationId, content: { en: "a\u0000b" } }, "content.en", /NUL/],
      [{ conversationId, content: { en: "x\uD800y" } }, "content.en", /lone surrogate/],
      [{ conversationId, content: { en: "ok" }, customer: { name: "\uDC00" } }, "customer.name", /surrogate/],
      [
        { conversationId, content: { en: "ok" }, customer: { name: "A", metadata: { "k\u0000": 1 } } },
        "customer.metadata.k\\u0000",
        /key/,
      ],
      [{ conversationId: "c\u0000", content: { en: "ok" } }, "conversationId", /NUL/],
      [
        { conversationId, content: { en: "ok" }, templateContext: { deep: ["\u0000"] } },
        "templateContext.deep.0",
        /NUL/,
      ],
    ];
    for (const [input, path, message] of cases) {
      const response = await post("/api/trpc/v1.connect.send", JSON.stringify(input));
      expect(response.status, path).toBe(400);
      const body = (await response.json()) as TrpcError;
      expect(body.error.message).toMatch(message);
      expect(body.error.data.issues?.[0]?.path).toBe(path);
    }
    expect(await messageCount()).toBe(before);
    // Well-formed pairs are text like any other.
    const emoji = await post(
      "/api/trpc/v1.connect.send",
      JSON.stringify({ conversationId, content: { en: "hi 👋" } }),
    );
    expect(emoji.status).toBe(200);
  });

  it("refuses input nested 12,000 deep with a 400 naming where it starts, in a query and in a send", async () => {
    // Written as text: JSON.stringify itself overflows the stack on it.
    const deep = `${"[".repeat(12_000)}"leaf"${"]".repeat(12_000)}`;
    const send = await post(
      "/api/trpc/v1.connect.send",
      `{"conversationId":"${conversationId}","content":{"en":${deep}}}`,
    );
    expect(send.status).toBe(400);
    const body = (await send.json()) as TrpcError;
    expect(body.error.message).toMatch(
      /^content\.en\.0\.0\.0\.0\.…: is nested too deep \(at most 64 levels\)$/,
    );

    let shallowEnough: unknown = "leaf";
    for (let i = 0; i < 60; i++) shallowEnough = [shallowEnough];
    const fits = await post(
      "/api/trpc/v1.connect.send",
      JSON.stringify({ conversationId, content: { en: "ok" }, templateContext: shallowEnough }),
    );
    expect(fits.status).toBe(200);

    let deepObject: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) deepObject = { a: deepObject };
    const list = await query("v1.conversations.list", { search: "x", extra: deepObject });
    expect(list.status).toBe(400);
  });

  it("refuses an impossible cursor date with a 400 naming the cursor", async () => {
    for (const cursor of [
      "2024-02-30T00:00:00.000Z_x",
      "2024-13-01T00:00:00.000Z_x",
      "2024-01-01T25:61:00.000Z_x",
    ]) {
      const response = await query("v1.conversations.list", { cursor });
      expect(response.status, cursor).toBe(400);
      expect(((await response.json()) as TrpcError).error.message).toMatch(/^cursor: /);
    }
  });

  it("answers /api/attachments/%00 and friends with 400 naming the id", async () => {
    for (const path of ["%00", "a%00b", "%EF%BF%BF%00"]) {
      const response = await get(`/api/attachments/${path}`);
      expect(response.status, path).toBe(400);
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(/^id: /);
    }
    expect((await get("/api/attachments/no-such-id")).status).toBe(404);
  });

  it("answers a path that is not percent-encoding with 400, not 500", async () => {
    const response = await get("/api/trpc/v1.connect.listMessages%E0%A4%A");
    expect(response.status).toBe(400);
  });
});

describe("caps on what one request may carry", () => {
  it("refuses a tRPC batch of more than 10 calls with 400 before running any", async () => {
    const calls = (n: number) => Array.from({ length: n }, () => "v1.workspace.channels").join(",");
    const input = (n: number) =>
      encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, {}]))));
    const ten = await get(`/api/trpc/${calls(10)}?batch=1&input=${input(10)}`);
    expect(ten.status).toBe(200);
    const eleven = await get(`/api/trpc/${calls(11)}?batch=1&input=${input(11)}`);
    expect(eleven.status).toBe(400);
    expect(((await eleven.json()) as TrpcError).error.message).toMatch(/^batch: 11 calls/);
  });

  it("refuses a JSON body over API_MAX_BODY_BYTES with 413, declared or chunked, and stores nothing", async () => {
    const before = await messageCount();
    const limit = env().API_MAX_BODY_BYTES;
    const big = JSON.stringify({ conversationId, content: { en: "x".repeat(limit) } });
    const declared = await post("/api/trpc/v1.connect.send", big);
    expect(declared.status).toBe(413);

    // Chunked, no Content-Length: cut off while streaming, before the client has sent it all.
    const url = new URL(`${server.baseUrl}/api/trpc/v1.connect.send`);
    const chunk = Buffer.alloc(64 * 1024, "x");
    let written = 0;
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(url, {
        method: "POST",
        headers: {
          authorization: `Bearer ${ws.owner.apiKey}`,
          "content-type": "application/json",
          "transfer-encoding": "chunked",
        },
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on("error", reject);
      req.write('{"conversationId":"x","content":{"en":"');
      const pump = () => {
        // Up to 64 MB; a server that read the body whole would make us send it all.
        while (written < 1024 && req.write(chunk)) written += 1;
        if (written < 1024) req.once("drain", pump);
      };
      pump();
    });
    expect(status).toBe(413);
    expect(written * chunk.length).toBeLessThan(32 * 1024 * 1024);
    expect(await messageCount()).toBe(before);
  });
});
