import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { resolveSessionCaller } from "@/server/auth/caller";
import { db } from "@/server/db/client";
import { errorCode, refusedField, trpcError } from "@/server/test/errors";
import { createTestWorkspace, sessionCaller, signInCookie } from "@/server/test/fixtures";
import { createContext } from "@/server/trpc/context";

describe("members list", () => {
  it("lists members with role, last activity and joined date; removed members are not listed", async () => {
    const ws = await createTestWorkspace();
    const agent = await ws.addMember("agent");
    const leaver = await ws.addMember("agent");
    await ws.owner.api.v1.workspace.removeMember({ memberId: leaver.memberId });
    const list = await sessionCaller(ws.owner).v1.members.list();
    expect(list.map((m) => m.memberId)).toEqual([ws.owner.memberId, agent.memberId]);
    expect(list[1]).toMatchObject({ email: agent.email, role: "agent", lastActiveAt: null });
    expect(new Date(list[1]?.joinedAt ?? "").getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await errorCode(sessionCaller(agent).v1.members.list())).toBe("FORBIDDEN");
  });

  it("a signed-in request marks the member active, at most once a minute", async () => {
    const ws = await createTestWorkspace();
    const agent = await ws.addMember("agent");
    const { cookie } = await signInCookie(agent.userId);
    const request = () =>
      createContext(new NextRequest("http://localhost/api/trpc", { headers: { cookie } }));
    await request();
    const first = await db().member.findUniqueOrThrow({
      where: { id: agent.memberId },
      select: { lastActiveAt: true },
    });
    expect(first.lastActiveAt).toBeInstanceOf(Date);
    await request();
    const second = await db().member.findUniqueOrThrow({
      where: { id: agent.memberId },
      select: { lastActiveAt: true },
    });
    expect(second.lastActiveAt).toEqual(first.lastActiveAt);
    // A minute and more later, the next request writes again.
    const old = new Date(Date.now() - 5 * 60_000);
    await db().member.update({ where: { id: agent.memberId }, data: { lastActiveAt: old } });
    await resolveSessionCaller(db(), agent.userId, ws.workspaceId);
    const third = await db().member.findUniqueOrThrow({
      where: { id: agent.memberId },
      select: { lastActiveAt: true },
    });
    expect(third.lastActiveAt?.getTime()).toBeGreaterThan(old.getTime());
    const listed = (await sessionCaller(ws.owner).v1.members.list()).find(
      (m) => m.memberId === agent.memberId,
    );
    expect(listed?.lastActiveAt).toBe(third.lastActiveAt?.toISOString());
    // API-key calls leave it alone: the API's hot path has no write for it.
    await db().member.update({ where: { id: agent.memberId }, data: { lastActiveAt: old } });
    await createContext(
      new NextRequest("http://localhost/api/trpc", { headers: { authorization: `Bearer ${agent.apiKey}` } }),
    );
    const viaKey = await db().member.findUniqueOrThrow({
      where: { id: agent.memberId },
      select: { lastActiveAt: true },
    });
    expect(viaKey.lastActiveAt).toEqual(old);
  });
});

describe("changing roles", () => {
  it("owners change anyone's role; admins change agents and admins but never make or touch owners", async () => {
    const ws = await createTestWorkspace();
    const admin = await ws.addMember("admin");
    const agent = await ws.addMember("agent");
    const coOwner = await ws.addMember("owner");
    const asAdmin = sessionCaller(admin).v1.members;
    expect(await asAdmin.changeRole({ memberId: agent.memberId, role: "admin" })).toMatchObject({
      role: "admin",
    });
    expect(await asAdmin.changeRole({ memberId: agent.memberId, role: "agent" })).toMatchObject({
      role: "agent",
    });
    const makeOwner = await trpcError(asAdmin.changeRole({ memberId: agent.memberId, role: "owner" }));
    expect(makeOwner.code).toBe("FORBIDDEN");
    expect(makeOwner.message).toMatch(/^role:/);
    expect(await errorCode(asAdmin.changeRole({ memberId: coOwner.memberId, role: "agent" }))).toBe(
      "FORBIDDEN",
    );
    expect(
      await errorCode(
        sessionCaller(agent).v1.members.changeRole({ memberId: agent.memberId, role: "admin" }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await sessionCaller(ws.owner).v1.members.changeRole({ memberId: agent.memberId, role: "owner" }),
    ).toMatchObject({ role: "owner" });
    const other = await createTestWorkspace();
    expect(
      await errorCode(
        sessionCaller(ws.owner).v1.members.changeRole({ memberId: other.owner.memberId, role: "agent" }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await refusedField(
        sessionCaller(ws.owner).v1.members.changeRole({ memberId: agent.memberId, role: "king" as "agent" }),
      ),
    ).toBe("role");
    expect(
      await refusedField(sessionCaller(ws.owner).v1.members.changeRole({ memberId: "", role: "agent" })),
    ).toBe("memberId");
    const entries = await db().auditEntry.findMany({
      where: { workspaceId: ws.workspaceId, action: "member.role_changed" },
      select: { data: true, actorMemberId: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(entries.map((e) => e.data)).toEqual([
      { from: "agent", to: "admin" },
      { from: "admin", to: "agent" },
      { from: "agent", to: "owner" },
    ]);
    expect(entries[2]?.actorMemberId).toBe(ws.owner.memberId);
  });

  it("the last owner cannot be demoted, even by two owners demoting each other at once", async () => {
    const ws = await createTestWorkspace();
    const last = await trpcError(
      sessionCaller(ws.owner).v1.members.changeRole({ memberId: ws.owner.memberId, role: "admin" }),
    );
    expect(last.code).toBe("BAD_REQUEST");
    expect(last.message).toMatch(/^role: the last owner/);
    const second = await ws.addMember("owner");
    const results = await Promise.all([
      errorCode(sessionCaller(ws.owner).v1.members.changeRole({ memberId: second.memberId, role: "agent" })),
      errorCode(sessionCaller(second).v1.members.changeRole({ memberId: ws.owner.memberId, role: "agent" })),
    ]);
    expect(results.sort()).toEqual(["BAD_REQUEST", "OK"]);
    expect(
      await db().member.count({ where: { workspaceId: ws.workspaceId, role: "owner", removedAt: null } }),
    ).toBe(1);
  });
});

describe("removing", () => {
  it("writes member.removed, or member.left for someone leaving", async () => {
    const ws = await createTestWorkspace();
    const removed = await ws.addMember("agent");
    const leaving = await ws.addMember("admin");
    await sessionCaller(ws.owner).v1.workspace.removeMember({ memberId: removed.memberId });
    await sessionCaller(leaving).v1.workspace.removeMember({ memberId: leaving.memberId });
    const entries = await db().auditEntry.findMany({
      where: { workspaceId: ws.workspaceId },
      select: { action: true, actorMemberId: true, targetId: true, targetLabel: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(entries).toEqual([
      {
        action: "member.removed",
        actorMemberId: ws.owner.memberId,
        targetId: removed.memberId,
        targetLabel: expect.stringContaining(removed.email),
      },
      {
        action: "member.left",
        actorMemberId: leaving.memberId,
        targetId: leaving.memberId,
        targetLabel: expect.stringContaining(leaving.email),
      },
    ]);
  });
});
