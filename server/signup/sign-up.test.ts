import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { isCommonPassword } from "@/server/auth/common-passwords";
import { checkCredentials } from "@/server/auth/options";
import { db } from "@/server/db/client";
import { SIGN_UPS_PER_ADDRESS_PER_HOUR } from "@/server/signup/throttle";
import { setTestEnv } from "@/server/test/env";
import { errorCode, refusedField, trpcError } from "@/server/test/errors";
import { anonymousCaller, createTestWorkspace, sessionCaller } from "@/server/test/fixtures";
import { createContext, createContextInner } from "@/server/trpc/context";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/router";

const createCaller = createCallerFactory(appRouter);
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const password = "a long unusual secret";

afterEach(() => setTestEnv({ OPEN_SIGNUP: undefined, TRUST_PROXY_HOPS: undefined }));

function fromAddress(address: string) {
  return createCaller(createContextInner({ db: db(), clientAddress: address }));
}

describe("sign-up", () => {
  it("creates the person, their workspace and their ownership; they sign in with any case of the address", async () => {
    const email = `Ada.${unique()}@Example.COM`;
    const created = await anonymousCaller().v1.signUp.create({
      name: " Ada ",
      email: `  ${email} `,
      password,
      workspaceName: " Acme Support ",
    });
    expect(created.workspace).toMatchObject({ name: "Acme Support" });
    expect(created.workspace.slug).toMatch(/^acme-support-[0-9a-f]{6}$/);
    const member = await db().member.findFirstOrThrow({
      where: { workspaceId: created.workspace.id },
      select: { role: true, user: { select: { id: true, email: true, name: true } } },
    });
    expect(member).toEqual({
      role: "owner",
      user: { id: created.userId, email: email.toLowerCase(), name: "Ada" },
    });
    expect(await checkCredentials(db(), { email: ` ${email.toUpperCase()}`, password }, null)).toMatchObject({
      id: created.userId,
    });
    // The same workspace name again gets a slug of its own.
    const twin = await anonymousCaller().v1.signUp.create({
      name: "Bob",
      email: `bob.${unique()}@example.com`,
      password,
      workspaceName: "Acme Support",
    });
    expect(twin.workspace.slug).not.toBe(created.workspace.slug);
    // A name with no latin letters still has a slug.
    const arabic = await anonymousCaller().v1.signUp.create({
      name: "ليلى",
      email: `layla.${unique()}@example.com`,
      password,
      workspaceName: "الدعم",
    });
    expect(arabic.workspace.slug).toMatch(/^workspace-[0-9a-f]{6}$/);
  });

  it("refuses a taken address (in any case), a common or short password and missing fields, naming each", async () => {
    const ws = await createTestWorkspace();
    const taken = await trpcError(
      anonymousCaller().v1.signUp.create({
        name: "Copy",
        email: ws.owner.email.toUpperCase(),
        password,
        workspaceName: "Copy",
      }),
    );
    expect(taken.code).toBe("BAD_REQUEST");
    expect(taken.message).toMatch(/^email: an account with this address already exists/);
    const base = { name: "N", email: `n.${unique()}@example.com`, password, workspaceName: "W" };
    expect(await refusedField(anonymousCaller().v1.signUp.create({ ...base, password: "Password123" }))).toBe(
      "password",
    );
    expect(await refusedField(anonymousCaller().v1.signUp.create({ ...base, password: "QWERTYUIOP" }))).toBe(
      "password",
    );
    expect(await refusedField(anonymousCaller().v1.signUp.create({ ...base, password: "short" }))).toBe(
      "password",
    );
    expect(await refusedField(anonymousCaller().v1.signUp.create({ ...base, email: "nope" }))).toBe("email");
    expect(await refusedField(anonymousCaller().v1.signUp.create({ ...base, name: "  " }))).toBe("name");
    expect(await refusedField(anonymousCaller().v1.signUp.create({ ...base, workspaceName: "" }))).toBe(
      "workspaceName",
    );
    // The database holds one account per address, whatever its case, even if the app's check is bypassed.
    await expect(
      db().user.create({
        data: { email: ws.owner.email.toUpperCase(), name: "x", passwordHash: "x" },
        select: { id: true },
      }),
    ).rejects.toThrow();
  });

  it("is refused with 403 and a clear message when the operator turned open sign-up off", async () => {
    setTestEnv({ OPEN_SIGNUP: "false" });
    const email = `closed.${unique()}@example.com`;
    const refused = await trpcError(
      anonymousCaller().v1.signUp.create({ name: "N", email, password, workspaceName: "W" }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/by invitation only/);
    expect(await db().user.count({ where: { email } })).toBe(0);
    // Invitations still let people in.
    const ws = await createTestWorkspace();
    const { link } = await sessionCaller(ws.owner).v1.invitations.create({ email, role: "agent" });
    const token = new URL(link).pathname.split("/").pop() ?? "";
    expect(
      await errorCode(anonymousCaller().v1.invitations.acceptAsNewAccount({ token, name: "N", password })),
    ).toBe("OK");
  });

  it("is throttled per client address, as the operator's proxies report it", async () => {
    setTestEnv({ TRUST_PROXY_HOPS: "1" });
    const address = `203.0.113.${Math.floor(Math.random() * 250)}-${unique()}`;
    for (let i = 0; i < SIGN_UPS_PER_ADDRESS_PER_HOUR; i++) {
      expect(
        await errorCode(
          fromAddress(address).v1.signUp.create({
            name: "N",
            email: `t${i}.${unique()}@example.com`,
            password,
            workspaceName: "W",
          }),
        ),
      ).toBe("OK");
    }
    // Over HTTP: the address comes from X-Forwarded-For's entry that the trusted proxy appended.
    const ctx = await createContext(
      new NextRequest("http://localhost/api/trpc", { headers: { "x-forwarded-for": `1.2.3.4, ${address}` } }),
    );
    expect(ctx.clientAddress).toBe(address);
    const refused = await trpcError(
      createCaller(ctx).v1.signUp.create({
        name: "N",
        email: `over.${unique()}@example.com`,
        password,
        workspaceName: "W",
      }),
    );
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(
      await errorCode(
        fromAddress(`${address}-other`).v1.signUp.create({
          name: "N",
          email: `else.${unique()}@example.com`,
          password,
          workspaceName: "W",
        }),
      ),
    ).toBe("OK");
  });
});

describe("passwords", () => {
  it("the common-password list is compared case-insensitively, and a password change uses it too", async () => {
    expect(isCommonPassword("Password123")).toBe(true);
    expect(isCommonPassword("1234567890")).toBe(true);
    expect(isCommonPassword(password)).toBe(false);
    const ws = await createTestWorkspace();
    const changed = await trpcError(
      sessionCaller(ws.owner).v1.account.changePassword({
        currentPassword: "password",
        newPassword: "QwertyUIOP123",
      }),
    );
    expect(changed.code).toBe("BAD_REQUEST");
    expect(await refusedField(Promise.reject(changed))).toBe("newPassword");
  });
});

describe("npm run account:create", () => {
  it("creates the account and workspace with the same rules, printing a generated password once", async () => {
    const run = promisify(execFile);
    const email = `Cli.${unique()}@Example.com`;
    const env = { ...process.env, ACCOUNT_PASSWORD: "" };
    const { stdout, stderr } = await run(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/create-account.ts",
        "--email",
        email,
        "--name",
        "Cli Person",
        "--workspace",
        "Cli Co",
      ],
      { env },
    );
    const printed = stdout.trim();
    expect(printed).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(stderr).toContain('owner of "Cli Co"');
    expect(await checkCredentials(db(), { email, password: printed }, null)).toMatchObject({
      email: email.toLowerCase(),
    });
    const again = await run(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/create-account.ts",
        "--email",
        email.toLowerCase(),
        "--name",
        "X",
        "--workspace",
        "Y",
      ],
      { env: { ...process.env, ACCOUNT_PASSWORD: password } },
    ).catch((error: { code: number; stderr: string }) => error);
    expect("code" in again && again.code).toBe(1);
    expect(again.stderr).toMatch(/--email: an account with this address already exists/);
  }, 60_000);
});
