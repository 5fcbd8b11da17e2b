import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { badFields, errorCode, trpcError } from "@/server/test/errors";
import { createTestConversation, createTestWorkspace, sessionCaller } from "@/server/test/fixtures";

async function auditActions(workspaceId: string) {
  const entries = await db().auditEntry.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { action: true, targetLabel: true, data: true },
  });
  return entries;
}

describe("v1.channels", () => {
  it("creates, renames, re-identifies, archives and restores a channel, each change audited", async () => {
    const ws = await createTestWorkspace("Channels");
    const api = sessionCaller(ws.owner).v1.channels;
    const created = await api.create({ name: " Shop ", kind: "website", identifier: " shop.example " });
    expect(created).toMatchObject({
      name: "Shop",
      kind: "website",
      identifier: "shop.example",
      archivedAt: null,
    });

    const renamed = await api.update({ id: created.id, name: "Web shop", identifier: "www.shop.example" });
    expect(renamed).toMatchObject({ name: "Web shop", kind: "website", identifier: "www.shop.example" });
    const archived = await api.archive({ id: created.id });
    expect(archived.archivedAt).not.toBeNull();
    expect(await api.archive({ id: created.id })).toEqual(archived);
    const restored = await api.restore({ id: created.id });
    expect(restored.archivedAt).toBeNull();

    const row = await db().channel.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ name: "Web shop", identifier: "www.shop.example", archivedAt: null });
    expect(await auditActions(ws.workspaceId)).toEqual([
      {
        action: "channel.created",
        targetLabel: "Shop",
        data: { kind: "website", identifier: "shop.example" },
      },
      {
        action: "channel.updated",
        targetLabel: "Web shop",
        data: {
          name: { from: "Shop", to: "Web shop" },
          identifier: { from: "shop.example", to: "www.shop.example" },
        },
      },
      { action: "channel.archived", targetLabel: "Web shop", data: null },
      { action: "channel.restored", targetLabel: "Web shop", data: null },
    ]);
  });

  it("keeps identifiers unique per workspace, with an error naming identifier", async () => {
    const ws = await createTestWorkspace();
    const other = await createTestWorkspace();
    const api = ws.owner.api.v1.channels;
    const first = await api.create({ name: "Mail", kind: "email", identifier: "help@shop.example" });
    const second = await api.create({ name: "Chat", kind: "website", identifier: "shop.example" });
    const duplicate = await trpcError(
      api.create({ name: "Mail 2", kind: "email", identifier: "help@shop.example" }),
    );
    expect(duplicate.code).toBe("CONFLICT");
    expect(duplicate.message).toMatch(/^identifier: /);
    const clash = await trpcError(api.update({ id: second.id, identifier: first.identifier }));
    expect(clash.code).toBe("CONFLICT");
    expect(clash.message).toMatch(/^identifier: /);
    // Another workspace may use the same identifier.
    await other.owner.api.v1.channels.create({
      name: "Mail",
      kind: "email",
      identifier: "help@shop.example",
    });
    expect(await db().channel.count({ where: { workspaceId: ws.workspaceId } })).toBe(2);
  });

  it("refuses bad input with a 400 naming the field", async () => {
    const ws = await createTestWorkspace();
    const api = ws.owner.api.v1.channels;
    expect(await badFields(api.create({ name: "  ", kind: "website", identifier: "a.example" }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["name"],
    });
    // @ts-expect-error: not a kind
    expect(await badFields(api.create({ name: "Fax", kind: "fax", identifier: "123" }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["kind"],
    });
    expect(await badFields(api.create({ name: "Site", kind: "website", identifier: "my site" }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["identifier"],
    });
    const { id } = await api.create({ name: "Site", kind: "website", identifier: "site.example" });
    expect(await badFields(api.update({ id, identifier: "" }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["identifier"],
    });
    expect(await badFields(api.archive({ id: "" }))).toEqual({ code: "BAD_REQUEST", fields: ["id"] });
    expect(await db().channel.count({ where: { workspaceId: ws.workspaceId } })).toBe(1);
  });

  it("lets every member list, only owners and admins change; another workspace's channel is not found", async () => {
    const ws = await createTestWorkspace();
    const other = await createTestWorkspace();
    const admin = await ws.addMember("admin");
    const agent = await ws.addMember("agent");
    const mine = await admin.api.v1.channels.create({
      name: "SMS",
      kind: "sms",
      identifier: "+905551112233",
    });
    const theirs = await other.owner.api.v1.channels.create({ name: "X", kind: "api", identifier: "x" });

    expect((await agent.api.v1.channels.list()).map((c) => c.id)).toEqual([mine.id]);
    for (const call of [
      () => agent.api.v1.channels.create({ name: "N", kind: "api", identifier: "n" }),
      () => agent.api.v1.channels.update({ id: mine.id, name: "Renamed" }),
      () => agent.api.v1.channels.archive({ id: mine.id }),
      () => agent.api.v1.channels.restore({ id: mine.id }),
    ]) {
      // One at a time, each awaited as it starts: no refusal is left unheard meanwhile.
      expect(await errorCode(call())).toBe("FORBIDDEN");
    }
    for (const call of [
      () => admin.api.v1.channels.update({ id: theirs.id, name: "Mine now" }),
      () => admin.api.v1.channels.archive({ id: theirs.id }),
      () => admin.api.v1.channels.restore({ id: theirs.id }),
      () => admin.api.v1.channels.update({ id: "no-such-channel", name: "Ghost" }),
    ]) {
      const error = await trpcError(call());
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toBe("id: no such channel");
    }
    expect(await db().channel.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      name: "X",
      archivedAt: null,
    });
    expect(await db().channel.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ name: "SMS" });
  });
});

describe("an archived channel", () => {
  it("keeps its conversations and their replies, refuses new conversations naming channelIdentifier, and leaves the inbox's picker", async () => {
    const ws = await createTestWorkspace();
    const { conversationId, channelId } = await createTestConversation(ws.workspaceId, {
      channelIdentifier: "old.example",
    });
    const api = ws.owner.api.v1;
    await api.channels.archive({ id: channelId });

    // Replies in its conversations still work, from the team and from the customer on that channel.
    const reply = await api.connect.send({ conversationId, content: { en: "Still here." } });
    expect(reply.channelId).toBe(channelId);
    const fromCustomer = await api.connect.send({
      conversationId,
      sender: "customer",
      channelIdentifier: "old.example",
      content: { en: "Thanks!" },
    });
    expect(fromCustomer.channelId).toBe(channelId);

    const refused = await trpcError(
      api.conversations.create({
        customer: { name: "New", email: "new@example.com" },
        channelIdentifier: "old.example",
      }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/^channelIdentifier: this channel is archived/);
    const byId = await trpcError(
      api.conversations.create({ customer: { name: "New", email: "new@example.com" }, channelId }),
    );
    expect(byId.message).toMatch(/^channelId: this channel is archived/);
    expect(await db().conversation.count({ where: { workspaceId: ws.workspaceId } })).toBe(1);
    expect(await db().customer.count({ where: { workspaceId: ws.workspaceId, name: "New" } })).toBe(0);

    expect(await api.workspace.channels()).toEqual([]);
    expect((await api.channels.list()).map((c) => [c.id, c.archivedAt !== null])).toEqual([
      [channelId, true],
    ]);

    await api.channels.restore({ id: channelId });
    const opened = await api.conversations.create({
      customer: { name: "New", email: "new@example.com" },
      channelIdentifier: "old.example",
    });
    expect(opened.channel?.id).toBe(channelId);
  });
});
