import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { generateApiKey } from "@/server/auth/api-key";
import type { Caller } from "@/server/auth/caller";
import { hashPassword } from "@/server/auth/password";
import { createSession } from "@/server/auth/sessions";
import { db } from "@/server/db/client";
import type { MemberRole } from "@/server/db/generated/enums";
import { env } from "@/server/env";
import { createContextInner } from "@/server/trpc/context";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/router";

const createCaller = createCallerFactory(appRouter);

let passwordHash: Promise<string> | undefined;

export type TestMember = {
  memberId: string;
  userId: string;
  email: string;
  role: MemberRole;
  apiKey: string;
  caller: Caller;
  /** The router as this member calls it through an API key. */
  api: ReturnType<typeof createCaller>;
};

export type TestWorkspace = {
  workspaceId: string;
  owner: TestMember;
  addMember: (role: MemberRole) => Promise<TestMember>;
};

/** A workspace of its own for one test, so tests never see each other's data. */
export async function createTestWorkspace(name = "Test workspace"): Promise<TestWorkspace> {
  const suffix = randomBytes(5).toString("hex");
  const workspace = await db().workspace.create({
    data: { name, slug: `test-${suffix}` },
    select: { id: true },
  });
  const addMember = async (role: MemberRole): Promise<TestMember> => {
    passwordHash ??= hashPassword("password");
    const email = `${role}-${randomBytes(5).toString("hex")}@test.connect-inbox.test`;
    const user = await db().user.create({
      data: { email, name: `${role} ${suffix}`, passwordHash: await passwordHash },
      select: { id: true },
    });
    const member = await db().member.create({
      data: { workspaceId: workspace.id, userId: user.id, role },
      select: { id: true },
    });
    const key = generateApiKey();
    await db().apiKey.create({
      data: {
        workspaceId: workspace.id,
        memberId: member.id,
        name: "test",
        prefix: key.prefix,
        hash: key.hash,
      },
      select: { id: true },
    });
    const caller: Caller = { workspaceId: workspace.id, memberId: member.id, role, via: "apiKey" };
    return {
      memberId: member.id,
      userId: user.id,
      email,
      role,
      apiKey: key.key,
      caller,
      api: createCaller(createContextInner({ db: db(), caller })),
    };
  };
  return { workspaceId: workspace.id, owner: await addMember("owner"), addMember };
}

/** The router as a signed-in browser session of this member would call it. */
export function sessionCaller(member: TestMember, idempotencyKey: string | null = null) {
  return createCaller(
    createContextInner({
      db: db(),
      caller: { ...member.caller, via: "session" },
      userId: member.userId,
      // A stand-in: these calls skip the HTTP auth path (server/auth/sessions.test.ts covers it).
      sessionId: `test-session-${member.userId}`,
      idempotencyKey,
    }),
  );
}

export function anonymousCaller() {
  return createCaller(createContextInner({ db: db() }));
}

/** A customer and an open conversation with them, on a website channel. */
export async function createTestConversation(
  workspaceId: string,
  options: { id?: string; channelIdentifier?: string; customerName?: string } = {},
) {
  const suffix = randomBytes(5).toString("hex");
  const identifier = options.channelIdentifier ?? `site-${suffix}.example`;
  const channel = await db().channel.upsert({
    where: { workspaceId_identifier: { workspaceId, identifier } },
    create: { workspaceId, kind: "website", name: "Website", identifier },
    update: {},
    select: { id: true },
  });
  const customer = await db().customer.create({
    data: {
      workspaceId,
      name: options.customerName ?? `Customer ${suffix}`,
      email: `customer-${suffix}@example.com`,
    },
    select: { id: true },
  });
  const conversation = await db().conversation.create({
    data: { id: options.id, workspaceId, customerId: customer.id, channelId: channel.id, subject: "Help" },
    select: { id: true },
  });
  return { conversationId: conversation.id, customerId: customer.id, channelId: channel.id };
}

/** A browser's session cookie exactly as next-auth writes it on sign-in, with its Session row. */
export async function signInCookie(userId: string): Promise<{ sessionId: string; cookie: string }> {
  const sessionId = await createSession(db(), userId);
  const token = await encode({ token: { sub: userId, sid: sessionId }, secret: env().NEXTAUTH_SECRET });
  return { sessionId, cookie: `next-auth.session-token=${token}` };
}
