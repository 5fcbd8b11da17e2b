import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as healthCheck } from "@/app/api/health/route";
import { createDb, type Db, db } from "@/server/db/client";
import { env } from "@/server/env";
import { startAppServer } from "@/server/test/app-routes";
import { createTestConversation, createTestWorkspace, type TestWorkspace } from "@/server/test/fixtures";

let server: Awaited<ReturnType<typeof startAppServer>>;
let ws: TestWorkspace;
let conversationId: string;
let admin: pg.Client;

beforeAll(async () => {
  server = await startAppServer();
  ws = await createTestWorkspace();
  ({ conversationId } = await createTestConversation(ws.workspaceId));
  admin = new pg.Client({ connectionString: env().DATABASE_URL });
  await admin.connect();
});
afterAll(async () => {
  await admin.end();
  await server.close();
});

type ErrorBody = {
  error: { message: string; code: number; data: { code: string; httpStatus: number; requestId?: string } };
};

// What no response may carry: Prisma's invocation text, PostgreSQL's and the driver's words, stacks.
const INTERNALS =
  /prisma|invocation|postgres|sqlstate|terminating connection|ECONNREFUSED|57P01|at .+:\d+:\d+|\.ts\b/i;

function send(apiKey: string, text: string) {
  return fetch(`${server.baseUrl}/api/trpc/v1.connect.send`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ conversationId, content: { en: text } }),
  });
}

function logged(spy: { mock: { calls: unknown[][] } }): string {
  return spy.mock.calls
    .map((call) => call.map((part) => (part instanceof Error ? part.message : String(part))).join(" "))
    .join("\n");
}

describe("unexpected errors", () => {
  it("answer a generic message and a request id, never PostgreSQL's text; the log has both", async () => {
    // A real database error carrying text a client must not see: a trigger on this test's conversation only.
    const fn = `fail_${ws.workspaceId.replace(/\W/g, "")}`;
    await admin.query(`CREATE FUNCTION "${fn}"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'secret detail: table "Message" of %', NEW."workspaceId"; END $$`);
    await admin.query(
      `CREATE TRIGGER "${fn}" BEFORE INSERT ON "Message" FOR EACH ROW
       WHEN (NEW."conversationId" = '${conversationId}') EXECUTE FUNCTION "${fn}"()`,
    );
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await send(ws.owner.apiKey, "hello");
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(text).not.toMatch(/secret detail/);
      expect(text).not.toMatch(INTERNALS);
      const body = JSON.parse(text) as ErrorBody;
      const requestId = response.headers.get("x-request-id");
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.error.data.requestId).toBe(requestId);
      expect(body.error.message).toMatch(/request id/);
      const log = logged(errors);
      expect(log).toContain(`[request ${requestId}]`);
      expect(log).toContain("secret detail");
    } finally {
      errors.mockRestore();
      await admin.query(`DROP TRIGGER "${fn}" ON "Message"`);
      await admin.query(`DROP FUNCTION "${fn}"()`);
    }
  });

  it("every response carries X-Request-Id, a different one each time", async () => {
    const a = await fetch(`${server.baseUrl}/api/trpc/v1.workspace.channels`, {
      headers: { authorization: `Bearer ${ws.owner.apiKey}` },
    });
    const b = await fetch(`${server.baseUrl}/api/attachments/nothing-here`);
    const c = await fetch(`${server.baseUrl}/api/workspace/switch`, { method: "POST", body: "{}" });
    const ids = [a, b, c].map((r) => r.headers.get("x-request-id"));
    expect(ids.every((id) => id && /^[0-9a-f-]{36}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(3);
  });
});

describe("a database connection that drops during a request", () => {
  it("answers 503 with Retry-After and a generic message when the app's backend is terminated mid-request", async () => {
    const member = await ws.addMember("agent");
    // The request's first write (the key's lastUsedAt) waits on this row lock; while it waits,
    // its backend is terminated as a failover or a pooler restart would.
    await admin.query("BEGIN");
    await admin.query(`SELECT id FROM "ApiKey" WHERE "memberId" = $1 FOR UPDATE`, [member.memberId]);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const pending = send(member.apiKey, "while the database fails over");
      let terminated = 0;
      for (let attempt = 0; attempt < 100 && terminated === 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const { rows } = await admin.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))`,
        );
        for (const { pid } of rows) {
          await admin.query("SELECT pg_terminate_backend($1)", [pid]);
          terminated += 1;
        }
      }
      expect(terminated).toBeGreaterThan(0);
      const response = await pending;
      const text = await response.text();
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(text).not.toMatch(INTERNALS);
      const body = JSON.parse(text) as ErrorBody;
      expect(body.error.data.code).toBe("SERVICE_UNAVAILABLE");
      expect(body.error.data.requestId).toBe(response.headers.get("x-request-id"));
      expect(logged(errors)).toMatch(/terminating connection/);
    } finally {
      errors.mockRestore();
      await admin.query("ROLLBACK");
    }
    // The pool let the dead connection go: the next request works.
    const after = await send(member.apiKey, "after the failover");
    expect(after.status).toBe(200);
  });

  it("answers 503 on every route while the database is unreachable, and recovers when it is back", async () => {
    const live = db();
    const gone: Db = createDb("postgres://postgres@127.0.0.1:9/gone");
    globalThis.connectInboxDb = gone;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const responses = [
        await send(ws.owner.apiKey, "nobody home"),
        await fetch(`${server.baseUrl}/api/attachments/some-id`, {
          headers: { authorization: `Bearer ${ws.owner.apiKey}` },
        }),
      ];
      for (const response of responses) {
        const text = await response.text();
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
        expect(text).not.toMatch(INTERNALS);
        expect(text).toContain(response.headers.get("x-request-id"));
      }
      // The health check says the database is unavailable, not what the driver said about it.
      const health = await healthCheck();
      expect(health.status).toBe(503);
      expect(health.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(await health.text()).not.toMatch(INTERNALS);
    } finally {
      errors.mockRestore();
      globalThis.connectInboxDb = live;
      await gone.$disconnect();
    }
    expect((await send(ws.owner.apiKey, "back")).status).toBe(200);
  });
});
