import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { refusedField, trpcError } from "@/server/test/errors";
import { createTestWorkspace, sessionCaller, signInCookie, type TestMember } from "@/server/test/fixtures";
import { startTestServer } from "@/server/test/http-server";
import { createContext, WORKSPACE_COOKIE } from "@/server/trpc/context";
import { handleWorkspaceSwitch } from "@/server/workspace/switch-http";

async function sessionCookie(member: TestMember): Promise<string> {
  return (await signInCookie(member.userId)).cookie;
}

describe("v1.workspace lists", () => {
  it("lists the caller's workspace's members, channels, templates and agents, and nothing else", async () => {
    const ws = await createTestWorkspace("Lists");
    const other = await createTestWorkspace("Other");
    const agent = await ws.addMember("agent");
    await db().channel.createMany({
      data: [
        { workspaceId: ws.workspaceId, kind: "email", name: "Support mail", identifier: "help@shop.example" },
        { workspaceId: ws.workspaceId, kind: "website", name: "Shop", identifier: "shop.example" },
        { workspaceId: other.workspaceId, kind: "website", name: "Foreign", identifier: "foreign.example" },
      ],
    });
    await db().template.createMany({
      data: [
        {
          workspaceId: ws.workspaceId,
          name: "Order status",
          content: {
            en: "Hi {{customer.name}}, order {{ order.id }} ships today",
            tr: "Merhaba {{customer.name}}",
            ar: 5,
          },
        },
        { workspaceId: other.workspaceId, name: "Foreign", content: { en: "x" } },
      ],
    });
    await db().aiAgent.createMany({
      data: [
        {
          workspaceId: ws.workspaceId,
          name: "Writer",
          provider: "openai_compatible",
          model: "small",
          baseUrl: "https://llm.internal.example/v1",
          apiKeyCiphertext: "v1.sealed.workspace-key",
          apiKeyLast4: "abcd",
          instructions: "confidential instructions",
          settings: { temperature: 0.2 },
          mode: "draft",
          internal: true,
        },
        { workspaceId: ws.workspaceId, name: "Helper", provider: "builtin", model: "echo", isDefault: true },
        { workspaceId: other.workspaceId, name: "Foreign", provider: "builtin", model: "echo" },
      ],
    });
    const api = agent.api.v1.workspace;

    const members = await api.members();
    expect(members.map((m) => [m.memberId, m.role])).toEqual([
      [ws.owner.memberId, "owner"],
      [agent.memberId, "agent"],
    ]);
    expect(members[1]).toEqual({
      memberId: agent.memberId,
      name: expect.any(String),
      email: agent.email,
      image: null,
      role: "agent",
    });

    expect((await api.channels()).map((c) => [c.kind, c.name, c.identifier])).toEqual([
      ["website", "Shop", "shop.example"],
      ["email", "Support mail", "help@shop.example"],
    ]);

    expect(await api.templates()).toEqual([
      {
        id: expect.any(String),
        name: "Order status",
        content: {
          en: "Hi {{customer.name}}, order {{ order.id }} ships today",
          tr: "Merhaba {{customer.name}}",
        },
        placeholders: ["customer.name", "order.id"],
      },
    ]);

    const agents = await api.agents();
    expect(agents.map((a) => a.name)).toEqual(["Helper", "Writer"]);
    expect(agents[1]).toEqual({
      id: expect.any(String),
      name: "Writer",
      provider: "openai_compatible",
      model: "small",
      mode: "draft",
      isDefault: false,
      internal: true,
    });
    expect(JSON.stringify(agents)).not.toMatch(/WRITER_SECRET_ENV|confidential|llm\.internal/);
  });
});

describe("switching workspace", () => {
  async function twoWorkspaces() {
    const first = await createTestWorkspace("First");
    const second = await createTestWorkspace("Second");
    await db().member.create({
      data: { workspaceId: second.workspaceId, userId: first.owner.userId, role: "agent" },
      select: { id: true },
    });
    const stranger = await createTestWorkspace("Stranger");
    return { user: first.owner, first, second, stranger };
  }

  it("v1.workspace.switch accepts only the user's own workspaces, and only from a session", async () => {
    const { user, second, stranger } = await twoWorkspaces();
    const session = sessionCaller(user).v1.workspace;
    expect(await session.switch({ workspaceId: second.workspaceId })).toEqual({
      id: second.workspaceId,
      name: "Second",
      slug: expect.any(String),
    });
    const foreign = await trpcError(session.switch({ workspaceId: stranger.workspaceId }));
    const missing = await trpcError(session.switch({ workspaceId: "does-not-exist" }));
    expect(foreign.code).toBe("NOT_FOUND");
    expect(foreign.message).toBe(missing.message);
    expect((await trpcError(user.api.v1.workspace.switch({ workspaceId: second.workspaceId }))).code).toBe(
      "FORBIDDEN",
    );
  });

  it("POST /api/workspace/switch sets an httpOnly, SameSite=Lax cookie that the next request acts in", async () => {
    const { user, first, second, stranger } = await twoWorkspaces();
    const server = await startTestServer({ "/api/workspace/switch": handleWorkspaceSwitch });
    try {
      const session = await sessionCookie(user);
      const post = (workspaceId: string, cookie: string | null = session) =>
        fetch(`${server.baseUrl}/api/workspace/switch`, {
          method: "POST",
          // As the inbox's own page sends it.
          headers: {
            "content-type": "application/json",
            origin: server.baseUrl,
            ...(cookie ? { cookie } : {}),
          },
          body: JSON.stringify({ workspaceId }),
        });

      const switched = await post(second.workspaceId);
      expect(switched.status).toBe(200);
      expect(await switched.json()).toMatchObject({ id: second.workspaceId, name: "Second" });
      const setCookie = switched.headers.get("set-cookie") ?? "";
      expect(setCookie).toContain(`${WORKSPACE_COOKIE}=${second.workspaceId}`);
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      expect(setCookie).toMatch(/Path=\//);

      const next = await createContext(
        new NextRequest("http://localhost/api/trpc/v1.workspace.me", {
          headers: { cookie: `${session}; ${setCookie.split(";")[0]}` },
        }),
      );
      expect(next.caller?.workspaceId).toBe(second.workspaceId);
      expect(next.caller?.workspaceId).not.toBe(first.workspaceId);

      const refused = await post(stranger.workspaceId);
      expect(refused.status).toBe(404);
      expect(refused.headers.get("set-cookie")).toBeNull();
      expect((await post(second.workspaceId, null)).status).toBe(401);
    } finally {
      await server.close();
    }
  });
});

describe("preferences", () => {
  it("a member sets their interface language and turns shortcuts off, and it shows in me", async () => {
    const ws = await createTestWorkspace();
    const api = sessionCaller(ws.owner);
    expect(await api.v1.workspace.updatePreferences({ locale: "ar", shortcutsEnabled: false })).toMatchObject(
      {
        locale: "ar",
        shortcutsEnabled: false,
      },
    );
    const me = await api.v1.workspace.me();
    expect(me.user).toMatchObject({ locale: "ar", shortcutsEnabled: false });
    expect(await api.v1.workspace.updatePreferences({ locale: null })).toMatchObject({
      locale: null,
      shortcutsEnabled: false,
    });
  });

  it("a member renames themselves and chooses that Enter sends; a blank name is refused naming the field", async () => {
    const ws = await createTestWorkspace();
    const api = sessionCaller(ws.owner);
    expect((await api.v1.workspace.me()).user.enterSends).toBe(false);
    expect(
      await api.v1.workspace.updatePreferences({ name: "  Ada Yılmaz ", enterSends: true }),
    ).toMatchObject({
      name: "Ada Yılmaz",
      enterSends: true,
    });
    expect((await api.v1.workspace.me()).user).toMatchObject({ name: "Ada Yılmaz", enterSends: true });
    expect(await refusedField(api.v1.workspace.updatePreferences({ name: "   " }))).toBe("name");
  });

  it("an API key cannot change a person's preferences", async () => {
    const ws = await createTestWorkspace();
    await expect(ws.owner.api.v1.workspace.updatePreferences({ locale: "tr" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
