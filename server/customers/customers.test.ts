import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { onCommitted } from "@/server/events/publish";
import type { InboxEvent } from "@/server/events/types";
import { badFields, errorCode } from "@/server/test/errors";
import { createTestWorkspace, type TestWorkspace } from "@/server/test/fixtures";

type CustomerSeed = { name?: string; email?: string; phone?: string; externalId?: string; metadata?: object };

async function seedCustomer(workspaceId: string, seed: CustomerSeed = {}, createdAt?: Date) {
  return db().customer.create({ data: { workspaceId, ...seed, createdAt }, select: { id: true } });
}

async function seedConversations(
  workspaceId: string,
  customerId: string,
  count: number,
  from = Date.UTC(2026, 0, 1),
) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = await db().conversation.create({
      data: { workspaceId, customerId, subject: `Question ${i}`, lastMessageAt: new Date(from + i * 60_000) },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}

function eventsOf(ws: TestWorkspace): InboxEvent[] {
  const events: InboxEvent[] = [];
  onCommitted((event) => {
    if (event.workspaceId === ws.workspaceId) events.push(event);
  });
  return events;
}

describe("v1.customers.list", () => {
  it("pages the workspace's customers newest first with a keyset cursor, none repeated or skipped", async () => {
    const ws = await createTestWorkspace();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      // Two share a creation time: the id breaks the tie.
      const at = new Date(Date.UTC(2026, 0, 1, 0, i < 2 ? 0 : i));
      ids.push((await seedCustomer(ws.workspaceId, { name: `Customer ${i}` }, at)).id);
    }
    const other = await createTestWorkspace();
    await seedCustomer(other.workspaceId, { name: "Customer elsewhere" });

    const api = ws.owner.api.v1.customers;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof api.list>> = await api.list({ limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    const expected = [ids[4], ids[3], ids[2], ...[ids[0], ids[1]].sort().reverse()];
    expect(seen).toEqual(expected);
  });

  it("searches name, email, phone and external id, folding Turkish and Arabic as conversation search does", async () => {
    const ws = await createTestWorkspace();
    const ayse = await seedCustomer(ws.workspaceId, { name: "Ayşe Öztürk", email: "ayse@örnek.test" });
    const fatima = await seedCustomer(ws.workspaceId, { name: "فاطمة أحمد", phone: "+20 100 555 7788" });
    const ibrahim = await seedCustomer(ws.workspaceId, { name: "İbrahim", externalId: "crm-4711" });
    await seedCustomer(ws.workspaceId, { name: "Someone else", email: "else@example.com" });
    const found = async (search: string) =>
      (await ws.owner.api.v1.customers.list({ search })).items.map((item) => item.id);

    expect(await found("ozturk")).toEqual([ayse.id]);
    expect(await found("AYSE@ORNEK")).toEqual([ayse.id]);
    expect(await found("فاطمه احمد")).toEqual([fatima.id]);
    expect(await found("555 7788")).toEqual([fatima.id]);
    expect(await found("ibrahim")).toEqual([ibrahim.id]);
    expect(await found("CRM-4711")).toEqual([ibrahim.id]);
    expect(await found("100%")).toEqual([]);
  });

  it("pages a search with the same cursor", async () => {
    const ws = await createTestWorkspace();
    for (let i = 0; i < 3; i++) {
      await seedCustomer(ws.workspaceId, { name: `Kaya ${i}` }, new Date(Date.UTC(2026, 0, 1, i)));
    }
    await seedCustomer(ws.workspaceId, { name: "Demir" });
    const api = ws.owner.api.v1.customers;
    const first = await api.list({ search: "kaya", limit: 2 });
    expect(first.items.map((item) => item.name)).toEqual(["Kaya 2", "Kaya 1"]);
    const second = await api.list({ search: "kaya", limit: 2, cursor: first.nextCursor });
    expect(second).toMatchObject({ items: [{ name: "Kaya 0" }], nextCursor: null });
  });
});

describe("v1.customers profile", () => {
  it("gets a customer's fields and pages their conversations newest activity first", async () => {
    const ws = await createTestWorkspace();
    const customer = await seedCustomer(ws.workspaceId, {
      name: "Zeynep",
      email: "zeynep@example.com",
      phone: "+90 212",
      externalId: "z-1",
      metadata: { plan: "pro" },
    });
    const ids = await seedConversations(ws.workspaceId, customer.id, 5);
    const noise = await seedCustomer(ws.workspaceId, { name: "Noise" });
    await seedConversations(ws.workspaceId, noise.id, 3);
    const api = ws.owner.api.v1.customers;

    expect(await api.get({ id: customer.id })).toMatchObject({
      id: customer.id,
      name: "Zeynep",
      email: "zeynep@example.com",
      phone: "+90 212",
      externalId: "z-1",
      metadata: { plan: "pro" },
      conversationCount: 5,
    });
    const first = await api.conversations({ customerId: customer.id, limit: 2 });
    const second = await api.conversations({ customerId: customer.id, limit: 2, cursor: first.nextCursor });
    const third = await api.conversations({ customerId: customer.id, limit: 2, cursor: second.nextCursor });
    expect([...first.items, ...second.items, ...third.items].map((item) => item.id)).toEqual(
      [...ids].reverse(),
    );
    expect(third.nextCursor).toBeNull();
    expect(first.items[0]).toMatchObject({ subject: "Question 4", status: "open" });

    const others = await api.conversations({ customerId: customer.id, exceptConversationId: ids[4] });
    expect(others.items.map((item) => item.id)).toEqual([ids[3], ids[2], ids[1], ids[0]]);
  });
});

describe("v1.customers.update", () => {
  it("saves name, email, phone, external id and metadata, clears an emptied field, and tells open inboxes once", async () => {
    const ws = await createTestWorkspace();
    const customer = await seedCustomer(ws.workspaceId, { name: "Old", phone: "+1 555" });
    await seedConversations(ws.workspaceId, customer.id, 2);
    const events = eventsOf(ws);
    const agent = await ws.addMember("agent");
    const updated = await agent.api.v1.customers.update({
      id: customer.id,
      name: "New Name",
      email: "NEW@example.com",
      phone: "",
      externalId: "ext-9",
      metadata: { plan: "team", seats: 4 },
    });
    expect(updated).toMatchObject({
      name: "New Name",
      email: "new@example.com",
      phone: null,
      externalId: "ext-9",
      metadata: { plan: "team", seats: 4 },
    });
    expect(await ws.owner.api.v1.customers.get({ id: customer.id })).toEqual(updated);
    expect((await ws.owner.api.v1.customers.list({ search: "ext-9" })).items.map((i) => i.id)).toEqual([
      customer.id,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual([{ type: "conversations.updated", workspaceId: ws.workspaceId, count: 2 }]);
  });

  it("refuses a duplicate email or external id as a CONFLICT naming the field, changing nothing", async () => {
    const ws = await createTestWorkspace();
    await seedCustomer(ws.workspaceId, { email: "taken@example.com", externalId: "taken" });
    const customer = await seedCustomer(ws.workspaceId, { name: "Mine", email: "mine@example.com" });
    const update = ws.owner.api.v1.customers.update;
    expect(await badFields(update({ id: customer.id, name: "Changed", email: "Taken@example.com" }))).toEqual(
      {
        code: "CONFLICT",
        fields: ["email"],
      },
    );
    expect(await badFields(update({ id: customer.id, name: "Changed", externalId: "taken" }))).toEqual({
      code: "CONFLICT",
      fields: ["externalId"],
    });
    expect(await badFields(update({ id: customer.id, email: "not an email" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["email"],
    });
    expect(
      await badFields(
        update({ id: customer.id, metadata: ["not", "an", "object"] as unknown as object as never }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST", fields: ["metadata"] });
    expect(await ws.owner.api.v1.customers.get({ id: customer.id })).toMatchObject({
      name: "Mine",
      email: "mine@example.com",
      externalId: null,
    });
  });
});

describe("v1.customers.merge", () => {
  it("moves every conversation and message to the kept customer, fills its empty fields, deletes the other, and the API's upsert then finds the kept one", async () => {
    const ws = await createTestWorkspace();
    const keep = await seedCustomer(ws.workspaceId, {
      name: "Ayşe Kaya",
      email: "ayse@example.com",
      metadata: { plan: "pro" },
    });
    const merge = await seedCustomer(ws.workspaceId, {
      name: "A. Kaya",
      email: "ayse.kaya@work.example",
      phone: "+90 555",
      externalId: "crm-1",
      metadata: { plan: "free", city: "İzmir" },
    });
    const kept = await seedConversations(ws.workspaceId, keep.id, 1);
    const moved = await seedConversations(ws.workspaceId, merge.id, 2);
    const connect = ws.owner.api.v1.connect;
    const sent = await connect.send({
      conversationId: moved[0] ?? "",
      sender: "customer",
      customerId: merge.id,
      content: { en: "hello" },
    });
    const events = eventsOf(ws);

    const result = await ws.owner.api.v1.customers.merge({ keepId: keep.id, mergeId: merge.id });
    expect(result).toMatchObject({
      id: keep.id,
      name: "Ayşe Kaya",
      email: "ayse@example.com",
      phone: "+90 555",
      externalId: "crm-1",
      metadata: { plan: "pro", city: "İzmir" },
      conversationCount: 3,
    });
    expect(await db().customer.count({ where: { id: merge.id } })).toBe(0);
    const conversations = await ws.owner.api.v1.customers.conversations({ customerId: keep.id });
    expect(new Set(conversations.items.map((item) => item.id))).toEqual(new Set([...kept, ...moved]));
    const message = await db().message.findUniqueOrThrow({
      where: { id: sent.id },
      select: { senderCustomerId: true },
    });
    expect(message.senderCustomerId).toBe(keep.id);
    expect(await errorCode(ws.owner.api.v1.customers.get({ id: merge.id }))).toBe("NOT_FOUND");

    const byExternalId = await connect.send({
      conversationId: kept[0] ?? "",
      sender: "customer",
      customer: { externalId: "crm-1" },
      content: { en: "again" },
    });
    expect(byExternalId.sender.id).toBe(keep.id);
    const byEmail = await ws.owner.api.v1.conversations.create({ customer: { email: "ayse@example.com" } });
    expect(byEmail.customer.id).toBe(keep.id);
    // The merged one's own email, which the kept one did not take (it has its own): an alias.
    const byMergedEmail = await ws.owner.api.v1.conversations.create({
      customer: { email: "ayse.kaya@work.example", name: "Ayşe K." },
    });
    expect(byMergedEmail.customer).toMatchObject({ id: keep.id, email: "ayse@example.com", name: "Ayşe K." });
    expect(await db().customer.count({ where: { workspaceId: ws.workspaceId } })).toBe(1);
    // A customer who has that email as their own wins over the alias.
    const own = await seedCustomer(ws.workspaceId, { name: "Someone else" });
    await ws.owner.api.v1.customers.update({ id: own.id, email: "ayse.kaya@work.example" });
    const byOwnEmail = await ws.owner.api.v1.conversations.create({
      customer: { email: "ayse.kaya@work.example" },
    });
    expect(byOwnEmail.customer.id).toBe(own.id);

    const audit = await db().auditEntry.findMany({
      where: { workspaceId: ws.workspaceId },
      select: { action: true, targetId: true, targetLabel: true, data: true },
    });
    expect(audit).toEqual([
      {
        action: "customer.merged",
        targetId: keep.id,
        targetLabel: "Ayşe Kaya",
        data: { merged: { id: merge.id, name: "A. Kaya" }, conversations: 2 },
      },
    ]);
    expect(events.filter((event) => event.type === "conversations.updated")).toHaveLength(1);
  });

  it("refuses merging a customer into itself, naming mergeId", async () => {
    const ws = await createTestWorkspace();
    const customer = await seedCustomer(ws.workspaceId, { name: "Solo" });
    expect(
      await badFields(ws.owner.api.v1.customers.merge({ keepId: customer.id, mergeId: customer.id })),
    ).toEqual({
      code: "BAD_REQUEST",
      fields: ["mergeId"],
    });
  });
});

describe("v1.customers tenancy", () => {
  it("answers another workspace's ids exactly like missing ones on every procedure and changes nothing there", async () => {
    const mine = await createTestWorkspace();
    const theirs = await createTestWorkspace();
    const own = await seedCustomer(mine.workspaceId, { name: "Mine" });
    const foreign = await seedCustomer(theirs.workspaceId, { name: "Theirs", email: "theirs@example.com" });
    const foreignConversations = await seedConversations(theirs.workspaceId, foreign.id, 2);
    const api = mine.owner.api.v1.customers;

    for (const id of [foreign.id, "00000000-0000-7000-8000-000000000000"]) {
      expect(await errorCode(api.get({ id }))).toBe("NOT_FOUND");
      expect(await errorCode(api.conversations({ customerId: id }))).toBe("NOT_FOUND");
      expect(await errorCode(api.update({ id, name: "Taken over" }))).toBe("NOT_FOUND");
      expect(await errorCode(api.merge({ keepId: own.id, mergeId: id }))).toBe("NOT_FOUND");
      expect(await errorCode(api.merge({ keepId: id, mergeId: own.id }))).toBe("NOT_FOUND");
    }
    // Their email is free in this workspace: uniqueness is per workspace.
    expect((await api.update({ id: own.id, email: "theirs@example.com" })).email).toBe("theirs@example.com");
    expect((await api.list({ search: "theirs" })).items.map((item) => item.id)).toEqual([own.id]);

    expect(
      await db().customer.findUniqueOrThrow({ where: { id: foreign.id }, select: { name: true } }),
    ).toEqual({
      name: "Theirs",
    });
    expect(await db().customer.count({ where: { id: own.id } })).toBe(1);
    expect(
      await db().conversation.count({ where: { id: { in: foreignConversations }, customerId: foreign.id } }),
    ).toBe(2);
    expect(
      await db().auditEntry.count({ where: { workspaceId: { in: [mine.workspaceId, theirs.workspaceId] } } }),
    ).toBe(0);
  });
});
