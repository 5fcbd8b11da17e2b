import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { authOptions } from "@/server/auth/options";
import { revokeSession, SessionEndedError } from "@/server/auth/sessions";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { errorCode, trpcError } from "@/server/test/errors";
import { createTestWorkspace, signInCookie, type TestMember } from "@/server/test/fixtures";
import { startTestServer } from "@/server/test/http-server";
import { createContext } from "@/server/trpc/context";
import { handleTrpcRequest } from "@/server/trpc/http";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/router";

const createCaller = createCallerFactory(appRouter);

const signIn = (member: Pick<TestMember, "userId">) => signInCookie(member.userId);

/** The API as that browser calls it over HTTP: the context is built from the request's cookie. */
async function asBrowser(cookie: string) {
  const ctx = await createContext(new NextRequest("http://localhost/api/trpc", { headers: { cookie } }));
  return createCaller(ctx);
}

describe("sessions end on the server", () => {
  it("a copied cookie stops working once its session signs out, and other sessions go on", async () => {
    const ws = await createTestWorkspace("Sign out");
    const laptop = await signIn(ws.owner);
    const phone = await signIn(ws.owner);
    expect((await (await asBrowser(laptop.cookie)).v1.workspace.me()).memberId).toBe(ws.owner.memberId);

    // What next-auth's sign-out calls with the cookie's token.
    await authOptions().events?.signOut?.({
      token: { sub: ws.owner.userId, sid: laptop.sessionId },
      session: {} as never,
    });

    expect(await errorCode((await asBrowser(laptop.cookie)).v1.workspace.me())).toBe("UNAUTHORIZED");
    expect((await (await asBrowser(phone.cookie)).v1.workspace.me()).memberId).toBe(ws.owner.memberId);
  });

  it("a page's session read (next-auth's jwt callback) refuses an ended session, so the cookie is cleared", async () => {
    const ws = await createTestWorkspace();
    const { sessionId } = await signIn(ws.owner);
    const jwt = authOptions().callbacks?.jwt;
    if (!jwt) throw new Error("no jwt callback");
    const token = { sub: ws.owner.userId, sid: sessionId };
    await expect(jwt({ token } as never)).resolves.toMatchObject({ sid: sessionId });
    await revokeSession(db(), sessionId);
    await expect(jwt({ token } as never)).rejects.toBeInstanceOf(SessionEndedError);
    // A token from before sessions were kept (no sid) is not accepted either.
    await expect(jwt({ token: { sub: ws.owner.userId } } as never)).rejects.toBeInstanceOf(SessionEndedError);
  });

  it("a cookie naming someone else's session does not sign in as either", async () => {
    const ws = await createTestWorkspace();
    const other = await ws.addMember("agent");
    const { sessionId } = await signIn(other);
    const token = await encode({
      token: { sub: ws.owner.userId, sid: sessionId },
      secret: env().NEXTAUTH_SECRET,
    });
    expect(await errorCode((await asBrowser(`next-auth.session-token=${token}`)).v1.workspace.me())).toBe(
      "UNAUTHORIZED",
    );
  });

  it("signing out everywhere ends every session of that person, and nobody else's", async () => {
    const ws = await createTestWorkspace();
    const colleague = await ws.addMember("agent");
    const mine = [await signIn(ws.owner), await signIn(ws.owner)];
    const theirs = await signIn(colleague);
    const ended = await (await asBrowser(mine[0]?.cookie ?? "")).v1.account.signOutEverywhere();
    expect(ended.endedSessions).toBe(2);
    for (const session of mine) {
      expect(await errorCode((await asBrowser(session.cookie)).v1.workspace.me())).toBe("UNAUTHORIZED");
    }
    expect(await errorCode((await asBrowser(theirs.cookie)).v1.workspace.me())).toBe("OK");
  });

  it("a password change ends the person's other sessions but keeps the browser that made it", async () => {
    const ws = await createTestWorkspace();
    const here = await signIn(ws.owner);
    const elsewhere = await signIn(ws.owner);
    const browser = await asBrowser(here.cookie);

    const wrong = await trpcError(
      browser.v1.account.changePassword({ currentPassword: "not it", newPassword: "a much longer secret" }),
    );
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(wrong.message).toMatch(/^currentPassword:/);
    expect(await errorCode((await asBrowser(elsewhere.cookie)).v1.workspace.me())).toBe("OK");

    const short = await trpcError(
      browser.v1.account.changePassword({ currentPassword: "password", newPassword: "short" }),
    );
    expect(short.code).toBe("BAD_REQUEST");

    const changed = await browser.v1.account.changePassword({
      currentPassword: "password",
      newPassword: "a much longer secret",
    });
    expect(changed.endedSessions).toBe(1);
    expect(await errorCode((await asBrowser(here.cookie)).v1.workspace.me())).toBe("OK");
    expect(await errorCode((await asBrowser(elsewhere.cookie)).v1.workspace.me())).toBe("UNAUTHORIZED");
  });

  it("an API key cannot change the password or sign a person out", async () => {
    const ws = await createTestWorkspace();
    expect(await errorCode(ws.owner.api.v1.account.signOutEverywhere())).toBe("FORBIDDEN");
    expect(
      await errorCode(
        ws.owner.api.v1.account.changePassword({ currentPassword: "password", newPassword: "x".repeat(12) }),
      ),
    ).toBe("FORBIDDEN");
  });
});

describe("removing a member", () => {
  it("ends their sessions and keys, unassigns their open work and keeps their messages' name", async () => {
    const ws = await createTestWorkspace("Removal");
    const leaver = await ws.addMember("agent");
    const browser = await signIn(leaver);
    const customer = await db().customer.create({
      data: { workspaceId: ws.workspaceId, name: "Ada" },
      select: { id: true },
    });
    const [open, resolved] = await Promise.all(
      (["open", "resolved"] as const).map((status) =>
        db().conversation.create({
          data: { workspaceId: ws.workspaceId, customerId: customer.id, status, assigneeId: leaver.memberId },
          select: { id: true },
        }),
      ),
    );
    if (!open || !resolved) throw new Error("no conversations");
    await leaver.api.v1.connect.send({ conversationId: open.id, content: { en: "Hello from the leaver" } });

    await ws.owner.api.v1.workspace.removeMember({ memberId: leaver.memberId });

    expect(await errorCode((await asBrowser(browser.cookie)).v1.workspace.me())).toBe("UNAUTHORIZED");
    const viaKey = await createContext(
      new NextRequest("http://localhost/api/trpc", { headers: { authorization: `Bearer ${leaver.apiKey}` } }),
    );
    expect(viaKey.caller).toBeNull();
    const after = await db().conversation.findMany({
      where: { id: { in: [open.id, resolved.id] } },
      select: { id: true, assigneeId: true },
    });
    expect(after.find((c) => c.id === open.id)?.assigneeId).toBeNull();
    expect(after.find((c) => c.id === resolved.id)?.assigneeId).toBe(leaver.memberId);
    const page = await ws.owner.api.v1.connect.listMessages({ conversationId: open.id });
    expect(page.items.map((m) => m.sender)).toContainEqual(
      expect.objectContaining({
        type: "member",
        id: leaver.memberId,
        name: expect.stringContaining("agent"),
      }),
    );
    const members = await ws.owner.api.v1.workspace.members();
    expect(members.map((m) => m.memberId)).not.toContain(leaver.memberId);
    // Assigning work to a removed member is refused like an unknown member.
    expect(
      await errorCode(ws.owner.api.v1.conversations.update({ id: open.id, assigneeId: leaver.memberId })),
    ).toBe("NOT_FOUND");
  });

  it("checks the caller's role and workspace, and never removes the last owner", async () => {
    const ws = await createTestWorkspace();
    const other = await createTestWorkspace();
    const agent = await ws.addMember("agent");
    const admin = await ws.addMember("admin");
    expect(await errorCode(agent.api.v1.workspace.removeMember({ memberId: admin.memberId }))).toBe(
      "FORBIDDEN",
    );
    expect(await errorCode(admin.api.v1.workspace.removeMember({ memberId: ws.owner.memberId }))).toBe(
      "FORBIDDEN",
    );
    expect(await errorCode(ws.owner.api.v1.workspace.removeMember({ memberId: other.owner.memberId }))).toBe(
      "NOT_FOUND",
    );
    const last = await trpcError(ws.owner.api.v1.workspace.removeMember({ memberId: ws.owner.memberId }));
    expect(last.code).toBe("BAD_REQUEST");
    expect(last.message).toMatch(/^memberId: the last owner/);
    // An agent may leave on their own.
    expect(await errorCode(agent.api.v1.workspace.removeMember({ memberId: agent.memberId }))).toBe("OK");
    expect(await errorCode(other.owner.api.v1.workspace.me())).toBe("OK");
  });
});

describe("signing out everywhere over HTTP, as the browser calls it", () => {
  it("works as a mutation with no input and no body", async () => {
    const ws = await createTestWorkspace();
    const { cookie } = await signIn(ws.owner);
    const server = await startTestServer({ "/api/trpc": handleTrpcRequest });
    try {
      const response = await fetch(`${server.baseUrl}/api/trpc/v1.account.signOutEverywhere`, {
        method: "POST",
        headers: { cookie, origin: server.baseUrl, "content-type": "application/json" },
      });
      expect(response.status, await response.clone().text()).toBe(200);
      expect(await response.json()).toMatchObject({ result: { data: { endedSessions: 1 } } });
    } finally {
      await server.close();
    }
  });
});
