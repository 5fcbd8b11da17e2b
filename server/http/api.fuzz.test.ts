// Generated input against the HTTP API: every public procedure and route on a real server,
// through the real auth path (an API key), with arbitrary and adversarial JSON, headers and
// paths. Asserts no 5xx, no internals in any answer, and nothing stored by a refused request.
//
//   npx vitest run server/http/api.fuzz.test.ts                  (CI: FUZZ_RUNS default, 300)
//   FUZZ_RUNS=10000 npx vitest run server/http/api.fuzz.test.ts  (the full run, a few minutes)
//
// A failure prints fast-check's seed and path; FUZZ_SEED=<seed> replays the same inputs.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { startAppServer } from "@/server/test/app-routes";
import { createTestConversation, createTestWorkspace, type TestWorkspace } from "@/server/test/fixtures";
import { appRouter } from "@/server/trpc/router";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
// Far above what the run sends: the limit itself is tested in server/limits.
const previousLimit = process.env.API_RATE_LIMIT_PER_MINUTE;
process.env.API_RATE_LIMIT_PER_MINUTE = "100000000";

// Prisma's and PostgreSQL's words, driver errors, file paths and stack frames.
const INTERNALS =
  /prisma|invocation|postgres|sqlstate|violates|relation "|column "|syntax error at|duplicate key|driverAdapter|ECONN|\bat \S+ \(|node_modules|\.tsx?:\d+/i;

type Procedure = { path: string; type: "query" | "mutation" | "subscription" };
function procedureType(procedure: unknown): Procedure["type"] {
  const type = (procedure as { _def?: { type?: unknown } })._def?.type;
  if (type !== "query" && type !== "mutation" && type !== "subscription") throw new Error("not a procedure");
  return type;
}
// Read from the router itself, so a procedure added later is fuzzed too.
const registered: [string, unknown][] = Object.entries(appRouter._def.procedures);
const procedures: Procedure[] = registered.map(([path, procedure]) => ({
  path,
  type: procedureType(procedure),
}));

let server: Awaited<ReturnType<typeof startAppServer>>;
let ws: TestWorkspace;
let otherWs: TestWorkspace;
let ids: Record<string, string>;

beforeAll(async () => {
  server = await startAppServer();
  ws = await createTestWorkspace("Fuzzed");
  otherWs = await createTestWorkspace("Bystander");
  const conversation = await createTestConversation(ws.workspaceId);
  const foreign = await createTestConversation(otherWs.workspaceId);
  const sent = await ws.owner.api.v1.connect.send({
    conversationId: conversation.conversationId,
    content: { en: "seed" },
  });
  ids = {
    conversationId: conversation.conversationId,
    customerId: conversation.customerId,
    channelId: conversation.channelId,
    messageId: sent.id,
    memberId: ws.owner.memberId,
    workspaceId: ws.workspaceId,
    foreignConversationId: foreign.conversationId,
  };
});

afterAll(async () => {
  await server.close();
  if (previousLimit === undefined) delete process.env.API_RATE_LIMIT_PER_MINUTE;
  else process.env.API_RATE_LIMIT_PER_MINUTE = previousLimit;
});

/** Rows and last changes of both workspaces: a refused request must leave all of it as it was. */
async function snapshot(): Promise<string> {
  const rows = await db().$queryRaw<Record<string, unknown>[]>`
    SELECT w.id,
      (SELECT count(*) FROM "Message" m WHERE m."workspaceId" = w.id) AS messages,
      (SELECT count(*) FROM "Conversation" c WHERE c."workspaceId" = w.id) AS conversations,
      (SELECT max(c."updatedAt") FROM "Conversation" c WHERE c."workspaceId" = w.id) AS "conversationChange",
      (SELECT count(*) FROM "Customer" c WHERE c."workspaceId" = w.id) AS customers,
      (SELECT max(c."updatedAt") FROM "Customer" c WHERE c."workspaceId" = w.id) AS "customerChange",
      (SELECT count(*) FROM "Attachment" a WHERE a."workspaceId" = w.id) AS attachments,
      (SELECT count(*) FROM "Channel" c WHERE c."workspaceId" = w.id) AS channels,
      (SELECT count(*) FROM "ApiKey" k WHERE k."workspaceId" = w.id AND k."revokedAt" IS NULL) AS "liveKeys",
      (SELECT count(*) FROM "AiAgent" a WHERE a."workspaceId" = w.id) AS agents,
      (SELECT count(*) FROM "AiRun" r WHERE r."workspaceId" = w.id) AS runs,
      (SELECT count(*) FROM "Member" m WHERE m."workspaceId" = w.id) AS members
    FROM "Workspace" w WHERE w.id IN (${ws.workspaceId}, ${otherWs.workspaceId}) ORDER BY w.id`;
  return JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? Number(value) : value));
}

// ── what the generated requests are made of ───────────────────────────────────────────────

const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\uD800",
    "x\uDFFFy",
    "\u202Eexe.png",
    "2024-02-30T00:00:00.000Z_x",
    "9999-99-99T99:99:99.999Z_x",
    '\'; DROP TABLE "Message"; --',
    "%00",
    "../../etc/passwd",
    "__proto__",
    "constructor",
    "😀".repeat(500),
    "x".repeat(70_000),
    "ci_not_a_key",
    "NaN",
    "-0",
    "1e400",
  ),
);

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 3, arbitrary: nastyString },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      null,
      -1,
      0,
      2 ** 31,
      Number.MAX_SAFE_INTEGER,
      1.5,
      true,
      [],
      {},
      { __proto__: { polluted: true } },
      { en: { ar: { tr: "nested" } } },
    ),
  },
);

/** Field names the procedures read, so that mutations reach past the first check. */
const FIELDS = [
  "conversationId",
  "id",
  "messageId",
  "content",
  "cursor",
  "limit",
  "status",
  "assigneeId",
  "assignee",
  "channelId",
  "channelIdentifier",
  "customerId",
  "customer",
  "subject",
  "search",
  "parentId",
  "templateId",
  "templateContext",
  "attachmentIds",
  "flags",
  "sender",
  "ai",
  "name",
  "workspaceId",
  "locale",
  "shortcutsEnabled",
  "lastEventId",
  "agentId",
  "text",
  "style",
  "targetLocale",
];

/** An input close to a valid one: real ids of the workspace (or another's), then fields replaced. */
const shapedInput = fc
  .record({
    base: fc.constantFrom("own", "foreign"),
    replaced: fc.dictionary(fc.constantFrom(...FIELDS), nastyValue, { maxKeys: 4 }),
    dropped: fc.subarray(FIELDS, { maxLength: 3 }),
  })
  .map(({ base, replaced, dropped }) => {
    const conversationId = base === "own" ? ids.conversationId : ids.foreignConversationId;
    const input: Record<string, unknown> = {
      conversationId,
      id: conversationId,
      messageId: ids.messageId,
      content: { en: "fuzz" },
      limit: 5,
      customerId: ids.customerId,
      channelId: ids.channelId,
      workspaceId: ids.workspaceId,
      ...replaced,
    };
    for (const field of dropped) delete input[field];
    return input;
  });

const input = fc.oneof({ weight: 3, arbitrary: shapedInput }, { weight: 1, arbitrary: nastyValue });

type Body = { kind: "json"; value: unknown } | { kind: "raw"; text: string };

const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 6, arbitrary: input.map((value) => ({ kind: "json" as const, value })) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.string(),
        fc.constantFrom(
          "{",
          "[]",
          "null",
          '{"0":',
          `${"[".repeat(12_000)}${"]".repeat(12_000)}`,
          `{"conversationId":${'{"a":'.repeat(5_000)}1${"}".repeat(5_000)}}`,
          '{"__proto__":{"admin":true}}',
          "\uFEFF{}",
        ),
      )
      .map((text) => ({ kind: "raw" as const, text })),
  },
);

const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 300,
});

const auth = fc.constantFrom("own", "own", "own", "none", "garbage", "revoked-looking", "basic");

const extraHeaders = fc.record(
  {
    "idempotency-key": headerText,
    "content-type": fc.constantFrom(
      "application/json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json; charset=utf-16",
    ),
    cookie: headerText.map((value) => `ci_workspace=${value}`),
    "trpc-accept": fc.constantFrom("application/jsonl", "x"),
    "last-event-id": headerText,
    accept: fc.constantFrom("application/jsonl", "text/event-stream", "*/*"),
  },
  { requiredKeys: [] },
);

const procedure = fc.constantFrom(...procedures);

type Call = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | FormData;
};

function authorization(kind: string): Record<string, string> {
  switch (kind) {
    case "own":
      return { authorization: `Bearer ${ws.owner.apiKey}` };
    case "garbage":
      return { authorization: "Bearer \u00ff\u00fe" };
    case "revoked-looking":
      return { authorization: "Bearer ci_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" };
    case "basic":
      return { authorization: "Basic dXNlcjpwYXNz" };
    default:
      return {};
  }
}

function bodyText(b: Body): string {
  return b.kind === "raw" ? b.text : (JSON.stringify(b.value) ?? "null");
}

const trpcCall: fc.Arbitrary<Call> = fc
  .record({
    procedure,
    batch: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 })),
    method: fc.constantFrom("natural", "natural", "natural", "GET", "POST", "PUT", "DELETE", "PATCH"),
    body,
    auth,
    headers: extraHeaders,
    suffix: fc.constantFrom("", "", "", "/", "%2C", ",v1.nope", "%E0%A4%A", "%00", "?batch=1", "/../x"),
  })
  .map(({ procedure: p, batch, method, body: b, auth: a, headers, suffix }) => {
    const natural = p.type === "mutation" ? "POST" : "GET";
    const chosen = method === "natural" ? natural : method;
    const path = batch > 0 ? Array.from({ length: batch }, () => p.path).join(",") : p.path;
    const text = bodyText(b);
    const batchInput =
      batch > 0
        ? JSON.stringify(
            Object.fromEntries(
              Array.from({ length: batch }, (_, i) => [i, b.kind === "json" ? b.value : null]),
            ),
          )
        : text;
    const query = new URLSearchParams(batch > 0 ? { batch: "1" } : {});
    if (chosen === "GET" && batchInput.length < 6_000) query.set("input", batchInput);
    return {
      method: chosen,
      path: `/api/trpc/${path}${suffix}${query.size > 0 ? `${suffix.includes("?") ? "&" : "?"}${query}` : ""}`,
      headers: { "content-type": "application/json", ...headers, ...authorization(a) },
      body: chosen === "GET" ? undefined : batch > 0 ? batchInput : text,
    };
  });

const uploadCall: fc.Arbitrary<Call> = fc
  .record({
    files: fc.array(
      fc.record({
        bytes: fc.uint8Array({ maxLength: 2_000 }),
        name: nastyString.map((name) => name.slice(0, 300)),
        type: fc.constantFrom("", "text/plain", "image/png", "application/x-msdownload", "text/html"),
        field: fc.constantFrom("file", "file", "other"),
      }),
      { maxLength: 3 },
    ),
    auth,
  })
  .map(({ files, auth: a }) => {
    const form = new FormData();
    for (const file of files)
      form.append(file.field, new File([file.bytes], file.name || "x", { type: file.type }));
    return { method: "POST", path: "/api/attachments", headers: authorization(a), body: form };
  });

const percentBytes = (bytes: Uint8Array) =>
  [...bytes].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");

// Any bytes at all, percent-encoded: NUL, overlong forms, halves of surrogates, plain text.
const downloadCall: fc.Arbitrary<Call> = fc
  .record({
    id: fc.oneof(
      nastyString.map((id) => percentBytes(new TextEncoder().encode(id.slice(0, 1_000)))),
      fc.uint8Array({ maxLength: 60 }).map(percentBytes),
      fc.constantFrom("%00", "%ED%A0%80", "%C0%80", "%", "%zz", "..%2F..%2Fetc"),
    ),
    auth,
  })
  .map(({ id, auth: a }) => ({ method: "GET", path: `/api/attachments/${id}`, headers: authorization(a) }));

const switchCall: fc.Arbitrary<Call> = fc.record({ b: body, cookie: headerText }).map(({ b, cookie }) => ({
  method: "POST",
  path: "/api/workspace/switch",
  headers: { "content-type": "application/json", cookie: `next-auth.session-token=${cookie}` },
  body: bodyText(b),
}));

const call = fc.oneof(
  { weight: 12, arbitrary: trpcCall },
  { weight: 2, arbitrary: uploadCall },
  { weight: 2, arbitrary: downloadCall },
  { weight: 1, arbitrary: switchCall },
);

async function perform(request: Call): Promise<{ status: number; text: string }> {
  const aborter = new AbortController();
  const response = await fetch(`${server.baseUrl}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: aborter.signal,
  });
  // A subscription streams until closed: its first event is all there is to check.
  if (response.headers.get("content-type")?.includes("text/event-stream")) {
    const reader = response.body?.getReader();
    const first = await reader?.read();
    aborter.abort();
    return { status: response.status, text: new TextDecoder().decode(first?.value) };
  }
  return { status: response.status, text: await response.text() };
}

describe(`the HTTP API under ${RUNS} generated requests`, () => {
  it(
    "never answers 5xx, never shows internals, and a refused request stores nothing",
    async () => {
      let answered = 0;
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(call, async (request) => {
          const before = await snapshot();
          const { status, text } = await perform(request);
          answered += 1;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          expect(status, `${request.method} ${request.path}\n${text.slice(0, 500)}`).toBeLessThan(500);
          expect(text, `${request.method} ${request.path}`).not.toMatch(INTERNALS);
          if (status >= 400)
            expect(await snapshot(), `${request.method} ${request.path} stored`).toBe(before);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      console.log(`fuzz: ${answered} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
      // The generators reach past the first checks: some calls succeed, some are refused.
      expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
      expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
    },
    120_000 + RUNS * 200,
  );
});
