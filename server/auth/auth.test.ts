import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { db } from "@/server/db/client";
import { errorCode } from "@/server/test/errors";
import { anonymousCaller, createTestWorkspace, sessionCaller } from "@/server/test/fixtures";
import { createContext } from "@/server/trpc/context";

describe("who is calling", () => {
  it("a password verifies only against its own hash", async () => {
    const hash = await hashPassword("correct horse");
    expect(hash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("wrong horse", hash)).toBe(false);
  });

  it("an API key and a session resolve to the same member and workspace", async () => {
    const ws = await createTestWorkspace("Key and session");
    const viaKey = await ws.owner.api.v1.workspace.me();
    const viaSession = await sessionCaller(ws.owner).v1.workspace.me();
    expect(viaKey.memberId).toBe(ws.owner.memberId);
    expect(viaKey.workspace.id).toBe(ws.workspaceId);
    expect(viaSession).toEqual(viaKey);
  });

  it("a Bearer key over HTTP resolves the key's member and records its use", async () => {
    const ws = await createTestWorkspace();
    const ctx = await createContext(
      new NextRequest("http://localhost/api/trpc/workspace.me", {
        headers: { authorization: `Bearer ${ws.owner.apiKey}` },
      }),
    );
    expect(ctx.caller).toEqual({
      workspaceId: ws.workspaceId,
      memberId: ws.owner.memberId,
      role: "owner",
      via: "apiKey",
    });
    const key = await db().apiKey.findFirstOrThrow({
      where: { memberId: ws.owner.memberId },
      select: { lastUsedAt: true },
    });
    expect(key.lastUsedAt).toBeInstanceOf(Date);
  });

  it("no key, an unknown key and a revoked key are all UNAUTHORIZED", async () => {
    const ws = await createTestWorkspace();
    expect(await errorCode(anonymousCaller().v1.workspace.me())).toBe("UNAUTHORIZED");
    for (const key of ["ci_not-a-real-key", "garbage", ""]) {
      const ctx = await createContext(
        new NextRequest("http://localhost/api/trpc", { headers: { authorization: `Bearer ${key}` } }),
      );
      expect(ctx.caller).toBeNull();
    }
    await db().apiKey.updateMany({ where: { memberId: ws.owner.memberId }, data: { revokedAt: new Date() } });
    const ctx = await createContext(
      new NextRequest("http://localhost/api/trpc", {
        headers: { authorization: `Bearer ${ws.owner.apiKey}` },
      }),
    );
    expect(ctx.caller).toBeNull();
  });

  it("a session user acts in the workspace chosen by cookie, falling back to their first", async () => {
    const first = await createTestWorkspace("First");
    const second = await createTestWorkspace("Second");
    const member = await db().member.create({
      data: { workspaceId: second.workspaceId, userId: first.owner.userId, role: "agent" },
      select: { id: true },
    });
    const { resolveSessionCaller } = await import("@/server/auth/caller");
    expect(await resolveSessionCaller(db(), first.owner.userId, second.workspaceId)).toEqual({
      workspaceId: second.workspaceId,
      memberId: member.id,
      role: "agent",
      via: "session",
    });
    const fallback = await resolveSessionCaller(db(), first.owner.userId, "someone-elses-workspace");
    expect(fallback?.workspaceId).toBe(first.workspaceId);
  });
});
