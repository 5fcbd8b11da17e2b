import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "@/server/auth/api-key";
import { createDb, db } from "@/server/db/client";
import { env } from "@/server/env";
import { consumeApiCalls } from "@/server/limits/api-rate-limit";
import { startAppServer } from "@/server/test/app-routes";
import { createTestWorkspace, sessionCaller } from "@/server/test/fixtures";

// A small limit for this file only: env() is read afresh in each test file's module graph.
const LIMIT = 5;
const previous = process.env.API_RATE_LIMIT_PER_MINUTE;
process.env.API_RATE_LIMIT_PER_MINUTE = String(LIMIT);

let server: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  server = await startAppServer();
});
afterAll(async () => {
  await server.close();
  if (previous === undefined) delete process.env.API_RATE_LIMIT_PER_MINUTE;
  else process.env.API_RATE_LIMIT_PER_MINUTE = previous;
});

function channels(apiKey: string, calls = 1) {
  const path = Array.from({ length: calls }, () => "v1.workspace.channels").join(",");
  const batch = calls > 1 ? `?batch=1&input=${encodeURIComponent(JSON.stringify({}))}` : "";
  return fetch(`${server.baseUrl}/api/trpc/${path}${batch}`, {
    headers: { authorization: `Bearer ${apiKey}` },
  });
}

describe("the per-API-key rate limit", () => {
  it("answers 429 with Retry-After and the draft RateLimit headers once a key used its minute", async () => {
    expect(env().API_RATE_LIMIT_PER_MINUTE).toBe(LIMIT);
    const ws = await createTestWorkspace();
    for (let call = 1; call <= LIMIT; call++) {
      const response = await channels(ws.owner.apiKey);
      expect(response.status).toBe(200);
      expect(response.headers.get("ratelimit-policy")).toBe(`"api-key";q=${LIMIT};w=60`);
      expect(response.headers.get("ratelimit")).toMatch(new RegExp(`^"api-key";r=${LIMIT - call};t=\\d+$`));
      expect(response.headers.get("retry-after")).toBeNull();
    }
    const refused = await channels(ws.owner.apiKey);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get("ratelimit")).toBe(`"api-key";r=0;t=${retryAfter}`);
    const body = (await refused.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe("TOO_MANY_REQUESTS");
    expect(body.error.message).toMatch(/more than 5 calls in a minute/);

    // Uploads and downloads count against the same key; another key of the workspace does not.
    const download = await fetch(`${server.baseUrl}/api/attachments/anything`, {
      headers: { authorization: `Bearer ${ws.owner.apiKey}` },
    });
    expect(download.status).toBe(429);
    expect(download.headers.get("retry-after")).toMatch(/^\d+$/);
    const colleague = await ws.addMember("agent");
    expect((await channels(colleague.apiKey)).status).toBe(200);
    // A made-up key of our shape is counted as a real one would be: no lookup floods for free.
    const madeUp = "ci_made-up-key-made-up-key-made-up-key";
    for (let call = 0; call < LIMIT; call++) expect((await channels(madeUp)).status).toBe(401);
    expect((await channels(madeUp)).status).toBe(429);
    // A browser session is not an API key and is not counted.
    expect(await sessionCaller(ws.owner).v1.workspace.channels()).toEqual([]);
  });

  it("counts every call of a batch", async () => {
    const ws = await createTestWorkspace();
    expect((await channels(ws.owner.apiKey, 3)).status).toBe(200);
    const second = await channels(ws.owner.apiKey, 3);
    expect(second.status).toBe(429);
    expect((await channels(ws.owner.apiKey, 1)).status).toBe(429);
  });

  it("is one count across app instances: the state is in PostgreSQL", async () => {
    const ws = await createTestWorkspace();
    const id = hashApiKey(ws.owner.apiKey);
    // Two app instances: two pools, two limiters, one database.
    const instanceA = createDb(env().DATABASE_URL);
    const instanceB = createDb(env().DATABASE_URL);
    try {
      expect((await consumeApiCalls(instanceA, id, 3)).allowed).toBe(true);
      const onB = await consumeApiCalls(instanceB, id, 2);
      expect(onB).toMatchObject({ allowed: true, remaining: 0 });
      expect((await consumeApiCalls(instanceA, id, 1)).allowed).toBe(false);
      const row = await db().rateLimit.findUniqueOrThrow({ where: { key: `api:${id}` } });
      expect(row.points).toBe(6);
    } finally {
      await instanceA.$disconnect();
      await instanceB.$disconnect();
    }
  });

  it("refuses a flooding key from memory: its count in the table stops growing", async () => {
    const ws = await createTestWorkspace();
    const id = hashApiKey(ws.owner.apiKey);
    for (let call = 0; call < LIMIT; call++) await channels(ws.owner.apiKey);
    const before = await db().rateLimit.findUniqueOrThrow({ where: { key: `api:${id}` } });
    for (let call = 0; call < 20; call++) expect((await channels(ws.owner.apiKey)).status).toBe(429);
    const after = await db().rateLimit.findUniqueOrThrow({ where: { key: `api:${id}` } });
    expect(after.points).toBe(before.points);
  });
});
