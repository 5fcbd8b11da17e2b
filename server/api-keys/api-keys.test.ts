import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { hashApiKey, resolveApiKey } from "@/server/auth/api-key";
import { db } from "@/server/db/client";
import { trpcError } from "@/server/test/errors";
import { createTestWorkspace, sessionCaller } from "@/server/test/fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("v1.apiKeys", () => {
  it("creates a key shown once, stores only its hash, and never returns the hash", async () => {
    const ws = await createTestWorkspace("Keys");
    const created = await sessionCaller(ws.owner).v1.apiKeys.create({ name: "  CI  " });
    expect(created).toMatchObject({ name: "CI", lastUsedAt: null, revokedAt: null });
    expect(created.key.startsWith(created.prefix)).toBe(true);

    const stored = await db().apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.hash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(stored)).not.toContain(created.key);

    const listed = await ws.owner.api.v1.apiKeys.list();
    expect(listed.map((k) => k.name)).toEqual(["CI", "test"]);
    const { key: _shownOnce, ...fields } = created;
    expect(listed[0]).toEqual(fields);
    for (const output of [created, ...listed]) {
      expect(Object.keys(output)).not.toContain("hash");
      expect(JSON.stringify(output)).not.toContain(stored.hash);
    }

    expect(await resolveApiKey(db(), created.key)).toMatchObject({
      apiKeyId: created.id,
      workspaceId: ws.workspaceId,
      memberId: ws.owner.memberId,
    });
  });

  it("mints keys only from a signed-in session, never through a key", async () => {
    const ws = await createTestWorkspace();
    expect((await trpcError(ws.owner.api.v1.apiKeys.create({ name: "escalate" }))).code).toBe("FORBIDDEN");
    expect(await db().apiKey.count({ where: { workspaceId: ws.workspaceId } })).toBe(1);
  });

  it("revokes a key for good, idempotently", async () => {
    const ws = await createTestWorkspace();
    const created = await sessionCaller(ws.owner).v1.apiKeys.create({ name: "Zapier" });
    const revoked = await ws.owner.api.v1.apiKeys.revoke({ id: created.id });
    expect(revoked.revokedAt).not.toBeNull();
    expect(await resolveApiKey(db(), created.key)).toBeNull();
    const again = await ws.owner.api.v1.apiKeys.revoke({ id: created.id });
    expect(again).toEqual(revoked);
    expect((await ws.owner.api.v1.apiKeys.list()).find((k) => k.id === created.id)?.revokedAt).toBe(
      revoked.revokedAt,
    );
  });

  it("lets agents revoke their own keys only, and owners and admins any key of the workspace", async () => {
    const ws = await createTestWorkspace("Roles");
    const admin = await ws.addMember("admin");
    const agent = await ws.addMember("agent");
    const other = await ws.addMember("agent");
    const keyOf = async (member: typeof agent, name: string) =>
      sessionCaller(member).v1.apiKeys.create({ name });

    const agentKey = await keyOf(agent, "agent's");
    const otherKey = await keyOf(other, "other's");
    const ownerKey = await keyOf(ws.owner, "owner's");

    expect((await agent.api.v1.apiKeys.list()).map((k) => k.name).sort()).toEqual(["agent's", "test"]);
    expect((await admin.api.v1.apiKeys.list()).map((k) => k.name)).toEqual(["test"]);

    expect((await trpcError(agent.api.v1.apiKeys.revoke({ id: otherKey.id }))).code).toBe("NOT_FOUND");
    expect((await trpcError(agent.api.v1.apiKeys.revoke({ id: ownerKey.id }))).code).toBe("NOT_FOUND");
    expect(await resolveApiKey(db(), otherKey.key)).not.toBeNull();
    expect((await agent.api.v1.apiKeys.revoke({ id: agentKey.id })).revokedAt).not.toBeNull();

    expect((await admin.api.v1.apiKeys.revoke({ id: otherKey.id })).revokedAt).not.toBeNull();
    expect((await ws.owner.api.v1.apiKeys.revoke({ id: agentKey.id })).revokedAt).not.toBeNull();
    expect((await admin.api.v1.apiKeys.revoke({ id: ownerKey.id })).revokedAt).not.toBeNull();
    for (const key of [agentKey, otherKey, ownerKey]) expect(await resolveApiKey(db(), key.key)).toBeNull();
  });

  it("never lists or revokes another workspace's keys", async () => {
    const mine = await createTestWorkspace("Mine");
    const theirs = await createTestWorkspace("Theirs");
    const created = await sessionCaller(mine.owner).v1.apiKeys.create({ name: "mine" });
    const foreign = await trpcError(theirs.owner.api.v1.apiKeys.revoke({ id: created.id }));
    const missing = await trpcError(theirs.owner.api.v1.apiKeys.revoke({ id: "does-not-exist" }));
    expect(foreign.code).toBe("NOT_FOUND");
    expect(foreign.message).toBe(missing.message);
    expect((await theirs.owner.api.v1.apiKeys.list()).map((k) => k.name)).toEqual(["test"]);
    expect(await resolveApiKey(db(), created.key)).not.toBeNull();
  });

  it("npm run api-key:create prints a working key once", async () => {
    const ws = await createTestWorkspace("CLI");
    const { slug } = await db().workspace.findUniqueOrThrow({
      where: { id: ws.workspaceId },
      select: { slug: true },
    });
    const run = (args: string[]) =>
      promisify(execFile)(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/create-api-key.ts", ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      });
    const { stdout } = await run(["--email", ws.owner.email, "--workspace", slug, "--name", "CI"]);
    const key = stdout.trim();
    expect(await resolveApiKey(db(), key)).toMatchObject({ memberId: ws.owner.memberId });
    expect(
      JSON.stringify(await db().apiKey.findMany({ where: { workspaceId: ws.workspaceId } })),
    ).not.toContain(key);

    const failed = await run([
      "--email",
      ws.owner.email,
      "--workspace",
      "no-such-workspace",
      "--name",
      "CI",
    ]).then(
      () => null,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain("not a member");
  }, 60_000);
});
