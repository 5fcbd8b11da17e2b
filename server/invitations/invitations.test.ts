import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { hashInvitationToken } from "@/server/invitations/token";
import { errorCode, refusedField, trpcError } from "@/server/test/errors";
import { anonymousCaller, createTestWorkspace, sessionCaller, type TestMember } from "@/server/test/fixtures";
import { createContextInner } from "@/server/trpc/context";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/router";

const createCaller = createCallerFactory(appRouter);
const tokenOf = (link: string) => new URL(link).pathname.split("/").pop() ?? "";
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** A signed-in person as the invite page calls the API: their session, whatever workspace they act in. */
function signedInPerson(member: Pick<TestMember, "userId" | "caller">) {
  return createCaller(
    createContextInner({
      db: db(),
      caller: { ...member.caller, via: "session" },
      userId: member.userId,
      sessionId: `test-session-${member.userId}`,
    }),
  );
}

async function auditActions(workspaceId: string) {
  const rows = await db().auditEntry.findMany({
    where: { workspaceId },
    select: { action: true, targetLabel: true, actorMemberId: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows;
}

describe("inviting", () => {
  it("owners and admins invite with a role; the link is returned once and only its hash is stored", async () => {
    const ws = await createTestWorkspace("Inviting");
    const admin = await ws.addMember("admin");
    const email = `New.Person-${unique()}@Example.com`;
    const created = await sessionCaller(admin).v1.invitations.create({ email: ` ${email} `, role: "admin" });
    expect(created.invitation).toMatchObject({ email: email.toLowerCase(), role: "admin", expired: false });
    expect(created.invitation.invitedBy).toMatch(/^admin /);
    const token = tokenOf(created.link);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const row = await db().invitation.findUniqueOrThrow({
      where: { id: created.invitation.id },
      select: { tokenHash: true, expiresAt: true, createdAt: true },
    });
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * 24 * 60 * 60 * 1000);
    // The list never carries the link.
    const listed = await sessionCaller(ws.owner).v1.invitations.list();
    expect(listed).toEqual([created.invitation]);
    expect(JSON.stringify(listed)).not.toContain(token);
  });

  it("checks who may invite whom, and says which field is wrong", async () => {
    const ws = await createTestWorkspace();
    const other = await createTestWorkspace();
    const admin = await ws.addMember("admin");
    const agent = await ws.addMember("agent");
    expect(
      await errorCode(sessionCaller(agent).v1.invitations.create({ email: "a@example.com", role: "agent" })),
    ).toBe("FORBIDDEN");
    expect(await errorCode(sessionCaller(agent).v1.invitations.list())).toBe("FORBIDDEN");
    const ownerByAdmin = await trpcError(
      sessionCaller(admin).v1.invitations.create({ email: "o@example.com", role: "owner" }),
    );
    expect(ownerByAdmin.code).toBe("FORBIDDEN");
    expect(ownerByAdmin.message).toMatch(/^role:/);
    expect(
      await errorCode(
        sessionCaller(ws.owner).v1.invitations.create({ email: "o@example.com", role: "owner" }),
      ),
    ).toBe("OK");
    expect(
      await refusedField(
        sessionCaller(ws.owner).v1.invitations.create({ email: "not an address", role: "agent" }),
      ),
    ).toBe("email");
    expect(
      await refusedField(
        sessionCaller(ws.owner).v1.invitations.create({ email: "x@example.com", role: "boss" as "agent" }),
      ),
    ).toBe("role");
    // Already a member (whatever the case of the address typed).
    const already = await trpcError(
      sessionCaller(ws.owner).v1.invitations.create({ email: admin.email.toUpperCase(), role: "agent" }),
    );
    expect(already.code).toBe("BAD_REQUEST");
    expect(already.message).toMatch(/^email: /);
    // Another workspace's invitation is unknown here.
    const theirs = await sessionCaller(other.owner).v1.invitations.create({
      email: "t@example.com",
      role: "agent",
    });
    expect(await errorCode(sessionCaller(ws.owner).v1.invitations.revoke({ id: theirs.invitation.id }))).toBe(
      "NOT_FOUND",
    );
    expect((await sessionCaller(ws.owner).v1.invitations.list()).map((i) => i.email)).not.toContain(
      "t@example.com",
    );
  });

  it("re-inviting replaces the pending invitation; a revoked one stops working; both are audited", async () => {
    const ws = await createTestWorkspace();
    const owner = sessionCaller(ws.owner);
    const email = `again-${unique()}@example.com`;
    const first = await owner.v1.invitations.create({ email, role: "agent" });
    const second = await owner.v1.invitations.create({ email, role: "admin" });
    expect(await errorCode(anonymousCaller().v1.invitations.preview({ token: tokenOf(first.link) }))).toBe(
      "NOT_FOUND",
    );
    expect(await anonymousCaller().v1.invitations.preview({ token: tokenOf(second.link) })).toMatchObject({
      email,
      role: "admin",
      workspaceName: "Test workspace",
      accountExists: false,
    });
    expect((await owner.v1.invitations.list()).map((i) => i.id)).toEqual([second.invitation.id]);

    const admin = await ws.addMember("admin");
    const ownerInvite = await owner.v1.invitations.create({
      email: `owner-${unique()}@example.com`,
      role: "owner",
    });
    expect(
      await errorCode(sessionCaller(admin).v1.invitations.revoke({ id: ownerInvite.invitation.id })),
    ).toBe("FORBIDDEN");
    await sessionCaller(admin).v1.invitations.revoke({ id: second.invitation.id });
    const gone = await trpcError(anonymousCaller().v1.invitations.preview({ token: tokenOf(second.link) }));
    expect(gone.message).toBe("token: this invitation is no longer valid");
    expect(await errorCode(owner.v1.invitations.revoke({ id: second.invitation.id }))).toBe("NOT_FOUND");
    expect((await auditActions(ws.workspaceId)).map((e) => e.action)).toEqual([
      "invitation.created",
      "invitation.created",
      "invitation.created",
      "invitation.revoked",
    ]);
  });

  it("lists an expired invitation as expired, and its link says only that it is no longer valid", async () => {
    const ws = await createTestWorkspace();
    const created = await sessionCaller(ws.owner).v1.invitations.create({
      email: `late-${unique()}@example.com`,
      role: "agent",
    });
    await db().invitation.update({
      where: { id: created.invitation.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await sessionCaller(ws.owner).v1.invitations.list())[0]?.expired).toBe(true);
    const messages = new Set<string>();
    for (const token of [tokenOf(created.link), "made-up-token"]) {
      messages.add((await trpcError(anonymousCaller().v1.invitations.preview({ token }))).message);
      messages.add(
        (
          await trpcError(
            anonymousCaller().v1.invitations.acceptAsNewAccount({
              token,
              name: "X",
              password: "a long unusual secret",
            }),
          )
        ).message,
      );
    }
    expect([...messages]).toEqual(["token: this invitation is no longer valid"]);
  });
});

describe("accepting", () => {
  it("a new person creates their account with the invited address and joins; the link works once", async () => {
    const ws = await createTestWorkspace("Joinable");
    const email = `newbie-${unique()}@example.com`;
    const created = await sessionCaller(ws.owner).v1.invitations.create({ email, role: "agent" });
    const token = tokenOf(created.link);
    expect(
      await refusedField(
        anonymousCaller().v1.invitations.acceptAsNewAccount({ token, name: "N", password: "password123" }),
      ),
    ).toBe("password");
    expect(
      await refusedField(
        anonymousCaller().v1.invitations.acceptAsNewAccount({
          token,
          name: " ",
          password: "a long unusual secret",
        }),
      ),
    ).toBe("name");
    const joined = await anonymousCaller().v1.invitations.acceptAsNewAccount({
      token,
      name: "Newbie",
      password: "a long unusual secret",
    });
    expect(joined).toMatchObject({ email, workspace: { id: ws.workspaceId, name: "Joinable" } });
    const { checkCredentials } = await import("@/server/auth/options");
    expect(
      await checkCredentials(db(), { email: email.toUpperCase(), password: "a long unusual secret" }, null),
    ).toMatchObject({
      email,
    });
    expect(
      await errorCode(
        anonymousCaller().v1.invitations.acceptAsNewAccount({
          token,
          name: "Again",
          password: "a long unusual secret",
        }),
      ),
    ).toBe("NOT_FOUND");
    const members = await sessionCaller(ws.owner).v1.members.list();
    expect(members.find((m) => m.email === email)).toMatchObject({ name: "Newbie", role: "agent" });
    expect(await sessionCaller(ws.owner).v1.invitations.list()).toEqual([]);
    const joinedEntry = (await auditActions(ws.workspaceId)).find((e) => e.action === "member.joined");
    expect(joinedEntry?.targetLabel).toBe(email);
  });

  it("someone with an account signs in and joins with the invited address only; the switcher then lists the workspace", async () => {
    const home = await createTestWorkspace("Home");
    const person = await home.addMember("agent");
    const ws = await createTestWorkspace("Elsewhere");
    const forThem = await sessionCaller(ws.owner).v1.invitations.create({
      email: person.email,
      role: "admin",
    });
    expect(
      (await anonymousCaller().v1.invitations.preview({ token: tokenOf(forThem.link) })).accountExists,
    ).toBe(true);
    // Creating a second account with that address is refused, naming the field.
    const taken = await trpcError(
      anonymousCaller().v1.invitations.acceptAsNewAccount({
        token: tokenOf(forThem.link),
        name: "Copy",
        password: "a long unusual secret",
      }),
    );
    expect(taken.message).toMatch(/^email: /);

    const stranger = await home.addMember("agent");
    const wrong = await trpcError(
      signedInPerson(stranger).v1.invitations.accept({ token: tokenOf(forThem.link) }),
    );
    expect(wrong.code).toBe("FORBIDDEN");
    expect(wrong.message).toMatch(/^email: /);
    expect(await errorCode(anonymousCaller().v1.invitations.accept({ token: tokenOf(forThem.link) }))).toBe(
      "UNAUTHORIZED",
    );

    const joined = await signedInPerson(person).v1.invitations.accept({ token: tokenOf(forThem.link) });
    expect(joined.workspace).toMatchObject({ id: ws.workspaceId, name: "Elsewhere" });
    const me = await sessionCaller(person).v1.workspace.me();
    expect(me.workspaces.map((w) => w.name)).toEqual(["Home", "Elsewhere"]);
    expect(
      await errorCode(signedInPerson(person).v1.invitations.accept({ token: tokenOf(forThem.link) })),
    ).toBe("NOT_FOUND");
  });

  it("a removed member can be invited again and comes back with the new role under their old row", async () => {
    const ws = await createTestWorkspace();
    const leaver = await ws.addMember("agent");
    await ws.owner.api.v1.workspace.removeMember({ memberId: leaver.memberId });
    const invite = await sessionCaller(ws.owner).v1.invitations.create({
      email: leaver.email,
      role: "admin",
    });
    // Removed from their only workspace, they are signed in to none: accepting needs only the person.
    const inNoWorkspace = createCaller(
      createContextInner({ db: db(), userId: leaver.userId, sessionId: `test-session-${leaver.userId}` }),
    );
    expect(await errorCode(inNoWorkspace.v1.workspace.me())).toBe("UNAUTHORIZED");
    await inNoWorkspace.v1.invitations.accept({ token: tokenOf(invite.link) });
    const row = await db().member.findUniqueOrThrow({
      where: { id: leaver.memberId },
      select: { removedAt: true, role: true },
    });
    expect(row).toEqual({ removedAt: null, role: "admin" });
    expect(await db().member.count({ where: { workspaceId: ws.workspaceId, userId: leaver.userId } })).toBe(
      1,
    );
    expect((await auditActions(ws.workspaceId)).map((e) => e.action)).toEqual([
      "member.removed",
      "invitation.created",
      "member.joined",
    ]);
  });

  it("two acceptances of one link at once let one person in", async () => {
    const ws = await createTestWorkspace();
    const email = `race-${unique()}@example.com`;
    const { link } = await sessionCaller(ws.owner).v1.invitations.create({ email, role: "agent" });
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        errorCode(
          anonymousCaller().v1.invitations.acceptAsNewAccount({
            token: tokenOf(link),
            name: `Racer ${n}`,
            password: "a long unusual secret",
          }),
        ),
      ),
    );
    expect(results.filter((code) => code === "OK")).toHaveLength(1);
    expect(await db().user.count({ where: { email } })).toBe(1);
  });
});
