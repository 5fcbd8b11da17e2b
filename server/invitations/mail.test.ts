import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { readMail } from "@/server/mail/testing/read-mail";
import { startSmtpProcess } from "@/server/mail/testing/smtp-process";
import { setTestEnv } from "@/server/test/env";
import { anonymousCaller, createTestWorkspace, sessionCaller } from "@/server/test/fixtures";

let smtp: Awaited<ReturnType<typeof startSmtpProcess>>;

beforeAll(async () => {
  smtp = await startSmtpProcess();
  setTestEnv({
    SMTP_URL: smtp.url,
    MAIL_FROM: "Connect Inbox <inbox@test.connect-inbox.test>",
    NEXTAUTH_URL: "https://inbox.example.com",
  });
});
afterAll(async () => {
  setTestEnv({ SMTP_URL: undefined, MAIL_FROM: undefined, NEXTAUTH_URL: undefined });
  await smtp?.stop();
});

const tokenOf = (link: string) => new URL(link).pathname.split("/").pop() ?? "";

describe("invitation mail", () => {
  it("goes to the invitee through the operator's SMTP server, in the workspace's language, and its link works", async () => {
    const ws = await createTestWorkspace("مساحة الدعم");
    await db().workspace.update({ where: { id: ws.workspaceId }, data: { defaultLocale: "ar" } });
    const created = await sessionCaller(ws.owner).v1.invitations.create({
      email: "  Layla@Example.COM ",
      role: "admin",
    });
    expect(created.mail).toBe("sent");
    expect(created.link).toMatch(/^https:\/\/inbox\.example\.com\/invite\/[A-Za-z0-9_-]{43}$/);

    const received = await smtp.nextMail();
    expect(received.to).toEqual(["layla@example.com"]);
    const mail = readMail(received.raw);
    expect(mail.headers.get("from")).toContain("inbox@test.connect-inbox.test");
    expect(mail.subject).toContain("مساحة الدعم");
    expect(mail.subject).toMatch(/دعاك/);
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.html).toContain("قبول الدعوة");
    expect(mail.text).toContain("قبول الدعوة");
    expect(mail.text).toContain(created.link);
    expect(mail.text).toContain("مشرف");

    // The link in the mail is the one the inviter was shown, and it lets the invitee in.
    const mailedLink = /https:\/\/inbox\.example\.com\/invite\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0] ?? "";
    expect(mailedLink).toBe(created.link);
    const joined = await anonymousCaller().v1.invitations.acceptAsNewAccount({
      token: tokenOf(mailedLink),
      name: "Layla",
      password: "a long and unusual secret",
    });
    expect(joined.workspace.id).toBe(ws.workspaceId);
    expect(joined.email).toBe("layla@example.com");
    const member = await db().member.findFirst({
      where: { workspaceId: ws.workspaceId, user: { email: "layla@example.com" } },
      select: { role: true },
    });
    expect(member?.role).toBe("admin");
  });

  it("is written in Turkish and English for those workspaces", async () => {
    for (const [locale, words] of [
      ["tr", /davet etti/],
      ["en", /invited you to/],
    ] as const) {
      const ws = await createTestWorkspace(`Mail ${locale}`);
      await db().workspace.update({ where: { id: ws.workspaceId }, data: { defaultLocale: locale } });
      await sessionCaller(ws.owner).v1.invitations.create({ email: `${locale}@example.com`, role: "agent" });
      const mail = readMail((await smtp.nextMail()).raw);
      expect(mail.subject).toMatch(words);
      expect(mail.html).toContain('dir="ltr"');
    }
  });

  it("that cannot be sent loses nothing: the invitation stands and the inviter is told", async () => {
    setTestEnv({ SMTP_URL: "smtp://user:wrong@127.0.0.1:9" });
    try {
      const ws = await createTestWorkspace();
      const owner = sessionCaller(ws.owner);
      const created = await owner.v1.invitations.create({ email: "nomail@example.com", role: "agent" });
      expect(created.mail).toBe("failed");
      expect((await owner.v1.invitations.list()).map((i) => i.email)).toEqual(["nomail@example.com"]);
      expect(await anonymousCaller().v1.invitations.preview({ token: tokenOf(created.link) })).toMatchObject({
        email: "nomail@example.com",
      });
    } finally {
      setTestEnv({ SMTP_URL: smtp.url });
    }
  });

  it("is not sent when the operator configured no SMTP", async () => {
    setTestEnv({ SMTP_URL: undefined });
    try {
      const ws = await createTestWorkspace();
      const created = await sessionCaller(ws.owner).v1.invitations.create({
        email: "off@example.com",
        role: "agent",
      });
      expect(created.mail).toBe("off");
    } finally {
      setTestEnv({ SMTP_URL: smtp.url });
    }
  });
});
