import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { attachmentStorage } from "@/server/attachments/storage";
import { resolveSessionCaller } from "@/server/auth/caller";
import { db } from "@/server/db/client";
import { setTestEnv } from "@/server/test/env";
import { errorCode, refusedField } from "@/server/test/errors";
import {
  anonymousCaller,
  createTestConversation,
  createTestWorkspace,
  sessionCaller,
} from "@/server/test/fixtures";
import { createContextInner } from "@/server/trpc/context";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/router";

const createCaller = createCallerFactory(appRouter);

async function readAll(stream: NodeJS.ReadableStream | null): Promise<string | null> {
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString();
}

describe("workspace settings", () => {
  it("owners and admins rename the workspace and set its language; agents are refused", async () => {
    const ws = await createTestWorkspace("Before");
    const admin = await ws.addMember("admin");
    const agent = await ws.addMember("agent");
    const updated = await sessionCaller(admin).v1.workspace.update({
      name: "  After  ",
      defaultLocale: "ar",
    });
    expect(updated).toMatchObject({ name: "After", defaultLocale: "ar" });
    expect(await sessionCaller(ws.owner).v1.workspace.settings()).toMatchObject({
      name: "After",
      defaultLocale: "ar",
    });
    await expect(sessionCaller(agent).v1.workspace.update({ name: "Mine" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(sessionCaller(agent).v1.workspace.settings()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await refusedField(sessionCaller(admin).v1.workspace.update({ name: "   " }))).toBe("name");
    expect(
      await refusedField(sessionCaller(admin).v1.workspace.update({ defaultLocale: "de" as "en" })),
    ).toBe("defaultLocale");
  });
});

describe("audit log", () => {
  it("records settings changes with actor and time, newest first, a page at a time; entries cannot be changed", async () => {
    const ws = await createTestWorkspace();
    const owner = sessionCaller(ws.owner);
    const key = await owner.v1.apiKeys.create({ name: "Zapier" });
    await owner.v1.apiKeys.revoke({ id: key.id });
    const agent = await owner.v1.ai.agents.create({ name: "Helper", provider: "builtin", mode: "draft" });
    await owner.v1.ai.agents.update({ id: agent.id, instructions: "Be brief." });
    await owner.v1.ai.agents.delete({ id: agent.id });
    await owner.v1.workspace.update({ name: "Renamed" });

    const first = await owner.v1.audit.list({ limit: 4 });
    expect(first.items.map((e) => e.action)).toEqual([
      "workspace.renamed",
      "ai_agent.deleted",
      "ai_agent.updated",
      "ai_agent.created",
    ]);
    expect(first.items[0]).toMatchObject({
      targetLabel: "Renamed",
      data: { from: "Test workspace", to: "Renamed" },
    });
    expect(first.items[2]?.data).toEqual({ changed: ["instructions"] });
    expect(first.items[0]?.actorName).toMatch(/^owner /);
    const second = await owner.v1.audit.list({ limit: 4, cursor: first.nextCursor });
    expect(second.items.map((e) => e.action)).toEqual(["api_key.revoked", "api_key.created"]);
    expect(second.nextCursor).toBeNull();
    // Never the key itself.
    expect(JSON.stringify(second.items)).not.toContain(key.key);

    const agents = await owner.v1.audit.list({ targetType: "ai_agent" });
    expect(agents.items).toHaveLength(3);

    const member = await ws.addMember("agent");
    await expect(sessionCaller(member).v1.audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await createTestWorkspace();
    expect((await sessionCaller(other.owner).v1.audit.list({})).items).toEqual([]);
    expect(await refusedField(owner.v1.audit.list({ cursor: "2024-02-30T00:00:00.000Z_x" }))).toBe("cursor");

    await expect(
      db()
        .$executeRaw`UPDATE "AuditEntry" SET "actorName" = 'someone else' WHERE "workspaceId" = ${ws.workspaceId}`,
    ).rejects.toThrow(/audit entries cannot be changed/);
  });
});

describe("deleting a workspace", () => {
  it("only the owner, signed in, after typing the name exactly", async () => {
    const ws = await createTestWorkspace("Acme");
    const admin = await ws.addMember("admin");
    await expect(sessionCaller(admin).v1.workspace.delete({ confirmName: "Acme" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // Through an API key, even the owner's: a leaked key must not be able to destroy everything.
    await expect(ws.owner.api.v1.workspace.delete({ confirmName: "Acme" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await refusedField(sessionCaller(ws.owner).v1.workspace.delete({ confirmName: "acme" }))).toBe(
      "confirmName",
    );
    expect(await db().workspace.count({ where: { id: ws.workspaceId } })).toBe(1);
  });

  it("removes every row of the workspace and its attachments' bytes, and nothing of another workspace", async () => {
    const ws = await createTestWorkspace("Doomed");
    const bystander = await createTestWorkspace("Bystander");
    const agentMember = await ws.addMember("agent");
    const storage = attachmentStorage();
    const seed = async (workspace: typeof ws) => {
      const { conversationId } = await createTestConversation(workspace.workspaceId);
      const sent = await workspace.owner.api.v1.connect.send({
        conversationId,
        sender: "customer",
        customer: { name: "Ada", email: `ada-${randomBytes(4).toString("hex")}@example.com` },
        content: { en: "Hello" },
      });
      const template = await db().template.create({
        data: { workspaceId: workspace.workspaceId, name: "Hi", content: { en: "Hi" } },
        select: { id: true },
      });
      const reply = await workspace.owner.api.v1.connect.send({
        conversationId,
        content: { en: "Hi" },
        parentId: sent.id,
        templateId: template.id,
      });
      const storageKey = `test/${randomBytes(8).toString("hex")}`;
      await storage.put(storageKey, Buffer.from(`bytes of ${workspace.workspaceId}`));
      await db().attachment.create({
        data: {
          workspaceId: workspace.workspaceId,
          messageId: reply.id,
          fileName: "a.txt",
          mimeType: "text/plain",
          size: 10,
          checksum: "0",
          storageKey,
          uploaderMemberId: workspace.owner.memberId,
        },
        select: { id: true },
      });
      const agent = await db().aiAgent.create({
        data: { workspaceId: workspace.workspaceId, name: "Bot", provider: "builtin", model: "builtin" },
        select: { id: true },
      });
      await db().aiRun.create({
        data: {
          workspaceId: workspace.workspaceId,
          agentId: agent.id,
          conversationId,
          triggerMessageId: sent.id,
          requestedByMemberId: workspace.owner.memberId,
        },
        select: { id: true },
      });
      await db().conversation.update({
        where: { id: conversationId },
        data: { assigneeId: workspace.owner.memberId },
      });
      await sessionCaller(workspace.owner).v1.workspace.update({
        defaultLocale: "tr",
      });
      return storageKey;
    };
    const doomedKey = await seed(ws);
    const keptKey = await seed(bystander);

    const result = await sessionCaller(ws.owner).v1.workspace.delete({ confirmName: "Doomed" });
    expect(result).toEqual({ deletedAttachments: 1 });

    const tables = [
      "member",
      "apiKey",
      "channel",
      "customer",
      "conversation",
      "message",
      "attachment",
      "template",
      "aiAgent",
      "aiRun",
      "auditEntry",
    ] as const;
    for (const table of tables) {
      // biome-ignore lint/suspicious/noExplicitAny: one count over every workspace-owned table
      const count = await (db()[table] as any).count({ where: { workspaceId: ws.workspaceId } });
      expect({ table, count }).toEqual({ table, count: 0 });
      // biome-ignore lint/suspicious/noExplicitAny: as above
      const kept = await (db()[table] as any).count({ where: { workspaceId: bystander.workspaceId } });
      expect(kept, table).toBeGreaterThan(0);
    }
    expect(await storage.get(doomedKey)).toBeNull();
    expect(await readAll(await storage.get(keptKey))).toBe(`bytes of ${bystander.workspaceId}`);
    // The people stay: they may belong to other workspaces; they can no longer act in this one.
    expect(await db().user.count({ where: { id: agentMember.userId } })).toBe(1);
    expect(await resolveSessionCaller(db(), agentMember.userId, ws.workspaceId)).toBeNull();
  });
});

describe("a signed-in person in no workspace", () => {
  it("starts a workspace of their own and owns it; signed out, nobody can", async () => {
    const ws = await createTestWorkspace();
    const leaver = await ws.addMember("agent");
    await sessionCaller(leaver).v1.workspace.removeMember({ memberId: leaver.memberId });
    expect(await resolveSessionCaller(db(), leaver.userId, null)).toBeNull();
    const asUser = createCaller(
      createContextInner({ db: db(), userId: leaver.userId, sessionId: `test-session-${leaver.userId}` }),
    );
    expect(await refusedField(asUser.v1.account.createWorkspace({ name: "  " }))).toBe("name");
    const created = await asUser.v1.account.createWorkspace({ name: "Öztürk Destek" });
    expect(created.name).toBe("Öztürk Destek");
    expect(created.slug).toMatch(/^ozturk-destek-[0-9a-f]{6}$/);
    expect(await resolveSessionCaller(db(), leaver.userId, null)).toMatchObject({
      workspaceId: created.id,
      role: "owner",
    });
    expect(await errorCode(anonymousCaller().v1.account.createWorkspace({ name: "Mine" }))).toBe(
      "UNAUTHORIZED",
    );
    setTestEnv({ OPEN_SIGNUP: "false" });
    try {
      expect(await errorCode(asUser.v1.account.createWorkspace({ name: "Another" }))).toBe("FORBIDDEN");
    } finally {
      setTestEnv({ OPEN_SIGNUP: undefined });
    }
  });
});
