import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { seedDemo } from "@/scripts/db/seed";
import { resolveApiKey } from "@/server/auth/api-key";
import { verifyPassword } from "@/server/auth/password";
import { db } from "@/server/db/client";

const DAY = 24 * 60 * 60 * 1000;

// The demo workspace's slug is fixed, so this is the one test that seeds it. It writes
// ~2,400 rows and hashes passwords, hence the longer timeout.
describe("the demo seed", () => {
  it("creates a complete, consistent demo workspace once and changes nothing on a rerun", async () => {
    const options = {
      email: `owner-${randomBytes(4).toString("hex")}@demo.connect-inbox.test`,
      password: "demo-password-1",
      apiKey: `ci_${randomBytes(24).toString("base64url")}`,
    };
    const startedAt = Date.now();
    const first = await seedDemo(db(), options);
    expect(first.created).toBe(true);
    const { workspaceId } = first;

    const workspace = await db().workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: {
        name: true,
        slug: true,
        members: {
          select: { id: true, role: true, user: { select: { name: true, email: true, passwordHash: true } } },
        },
        apiKeys: { select: { name: true, prefix: true, hash: true, memberId: true } },
        channels: { select: { kind: true, name: true, identifier: true } },
        customers: { select: { name: true } },
        templates: { select: { name: true, content: true } },
        aiAgents: {
          select: { id: true, name: true, provider: true, model: true, mode: true, isDefault: true },
        },
      },
    });
    expect(workspace).toMatchObject({ name: "Acme Support", slug: "demo" });
    const owner = workspace.members.find((member) => member.role === "owner");
    expect(owner?.user).toMatchObject({ name: "Dana Owner", email: options.email });
    expect(
      workspace.members
        .filter((member) => member.role === "agent")
        .map((member) => member.user.name)
        .sort(),
    ).toEqual(["Elif Yılmaz", "Omar Haddad"]);
    for (const member of workspace.members) {
      expect(await verifyPassword(options.password, member.user.passwordHash)).toBe(true);
    }

    expect(workspace.apiKeys).toHaveLength(1);
    const [apiKey] = workspace.apiKeys;
    expect(apiKey).toMatchObject({
      name: "Demo key",
      prefix: options.apiKey.slice(0, 11),
      memberId: owner?.id,
    });
    expect(apiKey?.hash).not.toContain(options.apiKey);

    expect(workspace.channels).toEqual(
      expect.arrayContaining([
        { kind: "website", name: "Website", identifier: "example.com" },
        { kind: "email", name: "Email", identifier: "support@acme.example" },
      ]),
    );
    const customerNames = workspace.customers.map((customer) => customer.name);
    expect(customerNames.length).toBeGreaterThanOrEqual(20);
    expect(customerNames).toEqual(expect.arrayContaining(["Layla Al-Masri", "Mehmet Öztürk", "İpek Işık"]));
    const greeting = workspace.templates.find((template) => template.name === "Greeting");
    expect(greeting?.content).toMatchObject({
      en: "Hi {{customer.name}}, thanks for reaching out to {{workspace.name}}!",
      ar: expect.stringContaining("{{customer.name}}"),
      tr: expect.stringContaining("{{workspace.name}}"),
    });
    expect(workspace.templates.map((template) => template.name)).toEqual(
      expect.arrayContaining(["Greeting", "Refund processed", "Order shipped", "Closing"]),
    );
    expect(workspace.aiAgents).toEqual([
      expect.objectContaining({
        name: "Acme Assistant",
        provider: "builtin",
        model: "builtin-retrieval",
        mode: "draft",
        isDefault: true,
      }),
    ]);

    const conversations = await db().conversation.findMany({
      where: { workspaceId },
      select: {
        id: true,
        subject: true,
        status: true,
        snoozedUntil: true,
        labelCount: true,
        labels: { select: { label: { select: { workspaceId: true } } } },
        assigneeId: true,
        channelId: true,
        lastMessageAt: true,
        lastMessagePreview: true,
        createdAt: true,
        messages: {
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: {
            id: true,
            workspaceId: true,
            content: true,
            senderType: true,
            senderMemberId: true,
            senderAgentId: true,
            parentId: true,
            flags: true,
            channelId: true,
            createdAt: true,
          },
        },
      },
    });
    expect(conversations).toHaveLength(41);
    expect(new Set(conversations.map((conversation) => conversation.status))).toEqual(
      new Set(["open", "pending", "resolved", "snoozed"]),
    );
    // One is put away until tomorrow morning; labels are on most, counted on the conversation.
    const snoozed = conversations.filter((conversation) => conversation.status === "snoozed");
    expect(snoozed).toHaveLength(1);
    expect(snoozed[0]?.snoozedUntil?.getTime()).toBeGreaterThan(Date.now());
    const labelled = conversations.filter((conversation) => conversation.labels.length > 0);
    expect(labelled.length).toBeGreaterThan(20);
    for (const conversation of labelled) {
      expect(conversation.labelCount).toBe(conversation.labels.length);
      for (const { label } of conversation.labels) expect(label.workspaceId).toBe(workspaceId);
    }
    expect(new Set(conversations.map((conversation) => conversation.channelId)).size).toBe(2);
    expect(conversations.some((conversation) => conversation.assigneeId === null)).toBe(true);
    const bulk = conversations.filter((conversation) => conversation.subject === "Bulk order history");
    expect(bulk.map((conversation) => conversation.messages.length)).toEqual([2000]);

    for (const conversation of conversations) {
      const { messages } = conversation;
      if (conversation.subject !== "Bulk order history") {
        expect(messages.length).toBeGreaterThanOrEqual(4);
        expect(messages.length).toBeLessThanOrEqual(30);
      }
      const positions = new Map(messages.map((message, index) => [message.id, index]));
      messages.forEach((message, index) => {
        expect(message.workspaceId).toBe(workspaceId);
        expect(message.channelId).toBe(conversation.channelId);
        expect(message.createdAt.getTime()).toBeGreaterThan(startedAt - 31 * DAY);
        expect(message.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
        const previous = messages[index - 1];
        if (previous) expect(message.createdAt.getTime()).toBeGreaterThan(previous.createdAt.getTime());
        if (message.parentId) expect(positions.get(message.parentId)).toBeLessThan(index);
      });
      const newest = messages[messages.length - 1];
      const newestPublic = messages.filter((message) => !message.flags.includes("internal")).pop();
      expect(conversation.lastMessageAt).toEqual(newest?.createdAt);
      expect(conversation.createdAt).toEqual(messages[0]?.createdAt);
      expect(conversation.lastMessagePreview).toEqual(newestPublic?.content);
    }

    const messages = conversations.flatMap((conversation) => conversation.messages);
    const texts = messages.map((message) => JSON.stringify(message.content));
    expect(messages.some((message) => message.senderType === "ai" && message.senderAgentId)).toBe(true);
    expect(messages.some((message) => message.senderType === "system")).toBe(true);
    expect(
      messages.some(
        (message) =>
          message.flags.includes("internal") && message.senderType === "member" && message.senderMemberId,
      ),
    ).toBe(true);
    expect(messages.filter((message) => message.parentId).length).toBeGreaterThan(10);
    expect(texts.some((text) => Object.keys(JSON.parse(text)).length >= 2)).toBe(true);
    expect(texts.some((text) => /\p{Script=Arabic}/u.test(text))).toBe(true);
    expect(texts.some((text) => /[çğıİöşü]/.test(text))).toBe(true);

    const second = await seedDemo(db(), { ...options, password: "another-password", apiKey: "ci_another" });
    expect(second).toEqual({ created: false, workspaceId });
    expect(await db().message.count({ where: { workspaceId } })).toBe(messages.length);
    expect(await db().conversation.count({ where: { workspaceId } })).toBe(41);
    expect(await db().apiKey.count({ where: { workspaceId } })).toBe(1);
    const ownerAfter = await db().user.findUniqueOrThrow({
      where: { email: options.email },
      select: { passwordHash: true },
    });
    expect(await verifyPassword(options.password, ownerAfter.passwordHash)).toBe(true);

    const caller = await resolveApiKey(db(), options.apiKey);
    expect(caller).toMatchObject({ workspaceId, memberId: owner?.id, role: "owner" });
  }, 60_000);
});
