import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { processRun } from "@/server/ai/process-run";
import type { CreateAgentInput } from "@/server/ai/schemas";
import { repliesTo, runRow, testDeps } from "@/server/ai/test-helpers";
import { type FakeOpenAi, startFakeOpenAi } from "@/server/ai/testing/openai-server";
import { db } from "@/server/db/client";
import { allowTestServers, setTestEnv, testSecretsKey } from "@/server/test/env";
import { errorCode, trpcError } from "@/server/test/errors";
import { createTestConversation, createTestWorkspace, type TestWorkspace } from "@/server/test/fixtures";

// Issue 12, section 1: a workspace admin chose both an agent's endpoint and the name of the
// server variable whose value was sent to it as the key. These tests fail on that design.

let model: FakeOpenAi;
let operatorModel: FakeOpenAi;

beforeAll(async () => {
  model = await startFakeOpenAi();
  operatorModel = await startFakeOpenAi();
  allowTestServers(model.baseUrl);
  setTestEnv({
    SECRETS_KEY: testSecretsKey(),
    // The operator's provider is trusted by its declaration: it is not in OUTBOUND_ALLOWED_HOSTS.
    AI_PROVIDERS: JSON.stringify([
      {
        id: "house",
        label: "House model",
        kind: "openai_compatible",
        baseUrl: operatorModel.baseUrl,
        apiKey: "sk-operator-house",
      },
      {
        id: "claude",
        label: "Claude",
        kind: "anthropic",
        baseUrl: "https://api.anthropic.com/v1",
        apiKey: "sk-ant-operator",
      },
    ]),
  });
});
afterAll(async () => {
  await model.close();
  await operatorModel.close();
});
afterEach(() => {
  model.failNext(0);
});

const ownEndpoint = () =>
  ({ name: "Helper", provider: "openai_compatible", model: "test-model", baseUrl: model.baseUrl }) as const;

async function askedRun(ws: TestWorkspace, agentId: string) {
  const { conversationId } = await createTestConversation(ws.workspaceId);
  const message = await ws.owner.api.v1.connect.send({
    conversationId,
    sender: "customer",
    content: { en: "Where is my order?" },
    ai: { agentId },
  });
  const run = await db().aiRun.findFirstOrThrow({
    where: { triggerMessageId: message.id },
    select: { id: true },
  });
  return { runId: run.id, messageId: message.id };
}

async function rawAgentRow(id: string): Promise<string> {
  const rows = await db().$queryRaw<unknown[]>`SELECT * FROM "AiAgent" WHERE "id" = ${id}`;
  return JSON.stringify(rows);
}

describe("AI agents: server secrets", () => {
  it("never sends a server variable to an admin's endpoint, whatever the admin names", async () => {
    process.env.VICTIM_API_KEY = "sk-operator-secret-victim";
    const ws = await createTestWorkspace();
    // What a raw API client could send under the old design.
    const input = { ...ownEndpoint(), apiKeyEnv: "VICTIM_API_KEY" };
    const agent = await ws.owner.api.v1.ai.agents.create(input);
    expect(JSON.stringify(agent)).not.toContain("VICTIM_API_KEY");
    const { runId } = await askedRun(ws, agent.id);
    const before = model.requests.length;
    expect(await processRun(db(), runId, testDeps())).toMatchObject({ outcome: "succeeded" });
    expect(model.requests[before]?.authorization).toBeNull();
    expect(JSON.stringify(model.requests)).not.toContain("sk-operator-secret-victim");
  });

  it("keeps a workspace's own key encrypted at rest, out of every answer, and lets an admin replace and remove it", async () => {
    const ws = await createTestWorkspace();
    const agents = ws.owner.api.v1.ai.agents;
    const created = await agents.create({ ...ownEndpoint(), apiKey: "sk-workspace-first-key-1234" });
    expect(created).toMatchObject({ apiKeyLast4: "1234", baseUrl: model.baseUrl, operatorProviderId: null });

    const row = await rawAgentRow(created.id);
    expect(row).not.toContain("sk-workspace-first-key");
    expect(row).toContain('"apiKeyLast4":"1234"');

    const outputs = [
      created,
      await agents.list(),
      await ws.owner.api.v1.workspace.agents(),
      await agents.update({ id: created.id, name: "Renamed" }),
    ];
    for (const output of outputs) expect(JSON.stringify(output)).not.toContain("sk-workspace-first-key");
    // Saved without a key, the stored one stays.
    expect(await agents.list()).toMatchObject([{ name: "Renamed", apiKeyLast4: "1234" }]);

    const first = await askedRun(ws, created.id);
    const before = model.requests.length;
    await processRun(db(), first.runId, testDeps());
    expect(model.requests[before]?.authorization).toBe("Bearer sk-workspace-first-key-1234");

    const replaced = await agents.update({ id: created.id, apiKey: "sk-workspace-second-key-9876" });
    expect(replaced.apiKeyLast4).toBe("9876");
    expect(await rawAgentRow(created.id)).not.toContain("sk-workspace-second-key");
    const second = await askedRun(ws, created.id);
    await processRun(db(), second.runId, testDeps());
    expect(model.requests.at(-1)?.authorization).toBe("Bearer sk-workspace-second-key-9876");

    const removed = await agents.update({ id: created.id, apiKey: null });
    expect(removed.apiKeyLast4).toBeNull();
    expect(await rawAgentRow(created.id)).toContain('"apiKeyCiphertext":null');
    const third = await askedRun(ws, created.id);
    await processRun(db(), third.runId, testDeps());
    expect(model.requests.at(-1)?.authorization).toBeNull();
  });

  it("refuses a key of the workspace's own when the operator has not set SECRETS_KEY", async () => {
    const key = process.env.SECRETS_KEY;
    setTestEnv({ SECRETS_KEY: undefined });
    try {
      const ws = await createTestWorkspace();
      expect((await ws.owner.api.v1.ai.providers()).workspaceKeys).toBe(false);
      const error = await trpcError(
        ws.owner.api.v1.ai.agents.create({ ...ownEndpoint(), apiKey: "sk-some-key-1234" }),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(
        /^apiKey: this server's operator has not enabled keys of the workspace's own/,
      );
      expect(await db().aiAgent.count({ where: { workspaceId: ws.workspaceId } })).toBe(0);
    } finally {
      setTestEnv({ SECRETS_KEY: key });
    }
  });

  it("offers the operator's providers by id, label and kind; their key goes to their URL only", async () => {
    const ws = await createTestWorkspace();
    const providers = await ws.owner.api.v1.ai.providers();
    expect(providers).toEqual({
      operatorProviders: [
        { id: "house", label: "House model", kind: "openai_compatible" },
        { id: "claude", label: "Claude", kind: "anthropic" },
      ],
      workspaceKeys: true,
    });
    expect(JSON.stringify(providers)).not.toContain("sk-");
    const member = await ws.addMember("agent");
    expect(await errorCode(member.api.v1.ai.providers())).toBe("FORBIDDEN");

    const agents = ws.owner.api.v1.ai.agents;
    const onOperator = {
      name: "House",
      provider: "openai_compatible",
      model: "m",
      operatorProviderId: "house",
    } as const;
    // The operator's key cannot be pointed elsewhere, nor mixed with a key of the workspace's own.
    const bad = async (input: Partial<CreateAgentInput>) =>
      (await trpcError(agents.create({ ...onOperator, ...input }))).message;
    expect(await bad({ baseUrl: model.baseUrl })).toMatch(/^baseUrl: /);
    expect(await bad({ apiKey: "sk-mine-12345" })).toMatch(/^apiKey: /);
    expect(await bad({ provider: "anthropic" })).toMatch(/^provider: /);

    const agent = await agents.create(onOperator);
    const { runId } = await askedRun(ws, agent.id);
    const before = { mine: model.requests.length, operator: operatorModel.requests.length };
    expect(await processRun(db(), runId, testDeps())).toMatchObject({ outcome: "succeeded" });
    expect(operatorModel.requests[before.operator]?.authorization).toBe("Bearer sk-operator-house");
    expect(model.requests.length).toBe(before.mine);
    expect(JSON.stringify(await agents.list())).not.toContain("sk-operator-house");
  });
});

describe("AI agents: outbound requests", () => {
  it("refuses endpoints that are refused on their face when they are saved", async () => {
    const ws = await createTestWorkspace();
    for (const baseUrl of [
      "http://169.254.169.254/latest",
      "http://localhost:11434/v1",
      "http://[::1]:8080/v1",
      "http://2130706433/v1",
      "http://10.1.2.3/v1",
    ]) {
      const error = await trpcError(ws.owner.api.v1.ai.agents.create({ ...ownEndpoint(), baseUrl }));
      expect({ baseUrl, message: error.message }).toEqual({
        baseUrl,
        message: "baseUrl: this server does not allow requests to that address",
      });
    }
  });

  it("fails a run against a refused host at once, without connecting, and in general terms", async () => {
    const ws = await createTestWorkspace();
    const agent = await ws.owner.api.v1.ai.agents.create(ownEndpoint());
    // A name that resolves to this host (no lookup happens at save time), or an operator who
    // took the host off OUTBOUND_ALLOWED_HOSTS: the guard checks the resolved address.
    const port = new URL(model.baseUrl).port;
    await db().aiAgent.update({ where: { id: agent.id }, data: { baseUrl: `http://localhost:${port}/v1` } });
    const { runId, messageId } = await askedRun(ws, agent.id);
    const before = model.requests.length;
    expect(await processRun(db(), runId, testDeps())).toMatchObject({
      outcome: "failed",
      error: "The endpoint is not allowed by this server.",
    });
    expect(model.requests.length).toBe(before);
    expect(await runRow(db(), runId)).toMatchObject({ status: "failed", attempts: 1 });
    expect(await repliesTo(db(), messageId)).toHaveLength(0);
  });

  it("never puts a provider's error body into the run's error", async () => {
    const ws = await createTestWorkspace();
    const agent = await ws.owner.api.v1.ai.agents.create(ownEndpoint());
    const { runId } = await askedRun(ws, agent.id);
    model.failNext(1, 500);
    const outcome = await processRun(db(), runId, testDeps());
    expect(outcome).toMatchObject({ outcome: "retry", error: "The provider answered 500." });
    const shown = await ws.owner.api.v1.ai.run({ id: runId });
    expect(shown.error).toBe("The provider answered 500.");
    expect(shown.error).not.toContain("fake model is down");

    model.failNext(1, 401);
    expect(await processRun(db(), runId, testDeps())).toMatchObject({
      outcome: "failed",
      error: "The provider answered 401.",
    });
  });
});

describe("AI agents: agents a migration blocked", () => {
  it("never runs a blocked agent, shows why, and runs it again once an admin saves valid settings", async () => {
    const ws = await createTestWorkspace();
    const agents = ws.owner.api.v1.ai.agents;
    const agent = await agents.create(ownEndpoint());
    // What the migration leaves on an agent that named a server variable for its key.
    await db().aiAgent.update({ where: { id: agent.id }, data: { blockedReason: "key_env_retired" } });
    expect((await agents.list())[0]?.blockedReason).toBe("key_env_retired");

    const { runId, messageId } = await askedRun(ws, agent.id);
    const before = model.requests.length;
    const outcome = await processRun(db(), runId, testDeps());
    expect(outcome).toMatchObject({ outcome: "failed" });
    expect(outcome).toHaveProperty("error", expect.stringContaining("This agent is paused"));
    expect(model.requests.length).toBe(before);
    expect(await runRow(db(), runId)).toMatchObject({ status: "failed", attempts: 1 });

    // A save the checks refuse leaves it blocked.
    await trpcError(agents.update({ id: agent.id, baseUrl: null }));
    expect((await agents.list())[0]?.blockedReason).toBe("key_env_retired");

    expect(await agents.update({ id: agent.id, apiKey: "sk-new-workspace-key" })).toMatchObject({
      blockedReason: null,
      apiKeyLast4: "-key",
    });
    await ws.owner.api.v1.ai.retryRun({ id: runId });
    expect(await processRun(db(), runId, testDeps())).toMatchObject({ outcome: "succeeded" });
    expect(await repliesTo(db(), messageId)).toHaveLength(1);
  });
});
