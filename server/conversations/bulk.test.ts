import { describe, expect, it, vi } from "vitest";
import { seedConversation } from "@/server/conversations/test-conversations";
import { db } from "@/server/db/client";
import { onCommitted } from "@/server/events/publish";
import type { InboxEvent } from "@/server/events/types";
import { trpcError } from "@/server/test/errors";
import { createTestWorkspace } from "@/server/test/fixtures";

async function statesOf(ids: string[]) {
  const rows = await db().conversation.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true, assigneeId: true },
    orderBy: { id: "asc" },
  });
  return rows;
}

/** Conversations written in one statement, for the 1,000 limit. */
async function seedMany(workspaceId: string, count: number) {
  const [customer] = await db().$queryRaw<{ id: string }[]>`
    INSERT INTO "Customer" (id, "workspaceId", name, "updatedAt")
    VALUES (uuid_v7()::text, ${workspaceId}, 'Many', now()) RETURNING id`;
  await db().$executeRaw`
    INSERT INTO "Conversation" (id, "workspaceId", "customerId", status, "updatedAt")
    SELECT uuid_v7()::text, ${workspaceId}, ${customer?.id}, 'pending', now() FROM generate_series(1, ${count})`;
}

describe("v1.conversations.bulkUpdate", () => {
  it("changes every named conversation in one request, says what each was, and undoes it", async () => {
    const ws = await createTestWorkspace("Bulk ids");
    const agent = await ws.addMember("agent");
    const a = await seedConversation(ws.workspaceId, { status: "open" });
    const b = await seedConversation(ws.workspaceId, { status: "pending", assigneeId: ws.owner.memberId });
    const c = await seedConversation(ws.workspaceId, { status: "resolved", assigneeId: agent.memberId });
    const untouched = await seedConversation(ws.workspaceId, { status: "open" });
    const events: InboxEvent[] = [];
    // The new assignee's notification is a member's own event (server/notifications tests it).
    onCommitted((event) => {
      if (event.workspaceId === ws.workspaceId && event.type !== "notification.created") events.push(event);
    });
    const ids = [a.conversationId, b.conversationId, c.conversationId];
    const bulk = ws.owner.api.v1.conversations;

    const result = await bulk.bulkUpdate({
      target: { ids },
      change: { status: "resolved", assigneeId: agent.memberId },
    });
    expect(result.matched).toBe(3);
    // c was already resolved and the agent's: nothing to change, nothing to undo.
    expect(result.changed).toBe(2);
    expect(result.previous).toEqual(
      expect.arrayContaining([
        { id: a.conversationId, status: "open", assigneeId: null, snoozedUntil: null, labelIds: [] },
        {
          id: b.conversationId,
          status: "pending",
          assigneeId: ws.owner.memberId,
          snoozedUntil: null,
          labelIds: [],
        },
      ]),
    );
    expect((await statesOf(ids)).map((row) => [row.status, row.assigneeId])).toEqual([
      ["resolved", agent.memberId],
      ["resolved", agent.memberId],
      ["resolved", agent.memberId],
    ]);
    expect((await statesOf([untouched.conversationId]))[0]?.status).toBe("open");
    // One live event for the whole change, not one per conversation.
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]).toEqual({ type: "conversations.updated", workspaceId: ws.workspaceId, count: 2 });

    expect(await bulk.bulkRestore({ items: result.previous })).toEqual({ changed: 2 });
    const restored = await statesOf(ids);
    expect(restored.find((row) => row.id === a.conversationId)).toMatchObject({
      status: "open",
      assigneeId: null,
    });
    expect(restored.find((row) => row.id === b.conversationId)).toMatchObject({
      status: "pending",
      assigneeId: ws.owner.memberId,
    });
    expect(restored.find((row) => row.id === c.conversationId)).toMatchObject({
      status: "resolved",
      assigneeId: agent.memberId,
    });
  });

  it("changes everything the inbox's filters match, beyond any page, up to 1,000", async () => {
    const ws = await createTestWorkspace("Bulk filter");
    const mine = await seedConversation(ws.workspaceId, { status: "open", assigneeId: ws.owner.memberId });
    const open = [];
    for (let i = 0; i < 3; i++)
      open.push((await seedConversation(ws.workspaceId, { status: "open" })).conversationId);
    const bulk = ws.owner.api.v1.conversations;

    const result = await bulk.bulkUpdate({
      target: { filter: { status: "open", assignee: "unassigned" } },
      change: { assigneeId: ws.owner.memberId },
    });
    expect(result).toMatchObject({ matched: 3, changed: 3 });
    expect((await statesOf(open)).every((row) => row.assigneeId === ws.owner.memberId)).toBe(true);
    expect((await bulk.list({ assignee: "me" })).items.map((i) => i.id).sort()).toEqual(
      [...open, mine.conversationId].sort(),
    );

    await seedMany(ws.workspaceId, 1001);
    const tooMany = await trpcError(
      bulk.bulkUpdate({ target: { filter: { status: "pending" } }, change: { status: "resolved" } }),
    );
    expect(tooMany.code).toBe("BAD_REQUEST");
    expect(tooMany.message).toContain("more than 1000");
    expect(
      await db().conversation.count({ where: { workspaceId: ws.workspaceId, status: "resolved" } }),
    ).toBe(0);

    const ids = (
      await db().conversation.findMany({
        where: { workspaceId: ws.workspaceId, status: "pending" },
        select: { id: true },
        take: 1000,
      })
    ).map((row) => row.id);
    const started = performance.now();
    const thousand = await bulk.bulkUpdate({ target: { ids }, change: { status: "resolved" } });
    expect(thousand.changed).toBe(1000);
    // Not a timed test (see the bench); a guard against a change made one row at a time.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(
      (await trpcError(bulk.bulkUpdate({ target: { ids: [...ids, "x"] }, change: { status: "open" } }))).code,
    ).toBe("BAD_REQUEST");
  });

  it("writes one conversation.updated webhook event per changed conversation, each its own id", async () => {
    const ws = await createTestWorkspace("Bulk webhooks");
    const { endpoint } = await ws.owner.api.v1.webhooks.create({
      url: "https://hooks.example.com/bulk",
      events: ["conversation.updated"],
    });
    const a = await seedConversation(ws.workspaceId);
    const b = await seedConversation(ws.workspaceId);
    await ws.owner.api.v1.conversations.bulkUpdate({
      target: { ids: [a.conversationId, b.conversationId] },
      change: { status: "pending" },
    });
    const deliveries = await db().webhookDelivery.findMany({
      where: { workspaceId: ws.workspaceId, endpointId: endpoint.id },
      select: { eventType: true, subjectId: true, messageId: true, data: true },
    });
    expect(deliveries.map((d) => d.subjectId).sort()).toEqual([a.conversationId, b.conversationId].sort());
    expect(new Set(deliveries.map((d) => d.messageId)).size).toBe(2);
    for (const delivery of deliveries) {
      expect(delivery.eventType).toBe("conversation.updated");
      expect(JSON.parse(String(delivery.data))).toMatchObject({
        id: delivery.subjectId,
        status: "pending",
        changes: { status: { from: "open", to: "pending" } },
      });
    }
  });

  it("puts labels on and takes them off many conversations, filters by a label, and undoes exactly that", async () => {
    const ws = await createTestWorkspace("Bulk labels");
    const labels = ws.owner.api.v1.labels;
    const vip = await labels.create({ name: "VIP", color: "amber" });
    const refund = await labels.create({ name: "Refund", color: "red" });
    const a = await seedConversation(ws.workspaceId);
    const b = await seedConversation(ws.workspaceId);
    const c = await seedConversation(ws.workspaceId);
    const api = ws.owner.api.v1.conversations;
    await api.addLabel({ id: a.conversationId, labelId: refund.id });
    const labelsOf = async (id: string) => (await api.get({ id })).labels.map((l) => l.name).sort();

    const added = await api.bulkUpdate({
      target: { ids: [a.conversationId, b.conversationId] },
      change: { addLabelIds: [vip.id], removeLabelIds: [refund.id] },
    });
    expect(added.changed).toBe(2);
    expect(await labelsOf(a.conversationId)).toEqual(["VIP"]);
    expect(await labelsOf(b.conversationId)).toEqual(["VIP"]);
    expect(await labelsOf(c.conversationId)).toEqual([]);
    expect((await api.list({ labelIds: [vip.id] })).items.map((i) => i.id).sort()).toEqual(
      [a.conversationId, b.conversationId].sort(),
    );

    // By filter: every conversation with VIP gets Refund too.
    const byLabel = await api.bulkUpdate({
      target: { filter: { labelIds: [vip.id] } },
      change: { addLabelIds: [refund.id], status: "pending" },
    });
    expect(byLabel).toMatchObject({ matched: 2, changed: 2 });
    expect(await labelsOf(b.conversationId)).toEqual(["Refund", "VIP"]);

    await api.bulkRestore({ items: byLabel.previous });
    expect(await labelsOf(b.conversationId)).toEqual(["VIP"]);
    expect((await api.get({ id: b.conversationId })).status).toBe("open");
    await api.bulkRestore({ items: added.previous });
    expect(await labelsOf(a.conversationId)).toEqual(["Refund"]);
    expect(await labelsOf(b.conversationId)).toEqual([]);

    const other = await createTestWorkspace("Bulk labels, other");
    const theirs = await other.owner.api.v1.labels.create({ name: "Theirs", color: "blue" });
    expect(
      (
        await trpcError(
          api.bulkUpdate({ target: { ids: [c.conversationId] }, change: { addLabelIds: [theirs.id] } }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(await labelsOf(c.conversationId)).toEqual([]);
  });

  it("is all or none, and never reaches another workspace", async () => {
    const mine = await createTestWorkspace("Bulk mine");
    const theirs = await createTestWorkspace("Bulk theirs");
    const own = await seedConversation(theirs.workspaceId, { status: "open" });
    const foreign = await seedConversation(mine.workspaceId, { status: "open" });
    const api = theirs.owner.api.v1.conversations;

    const withForeign = await trpcError(
      api.bulkUpdate({
        target: { ids: [own.conversationId, foreign.conversationId] },
        change: { status: "resolved" },
      }),
    );
    const withMissing = await trpcError(
      api.bulkUpdate({
        target: { ids: [own.conversationId, "does-not-exist"] },
        change: { status: "resolved" },
      }),
    );
    expect(withForeign.code).toBe("NOT_FOUND");
    expect(withForeign.message).toBe(withMissing.message);
    const foreignMember = await trpcError(
      api.bulkUpdate({ target: { ids: [own.conversationId] }, change: { assigneeId: mine.owner.memberId } }),
    );
    expect(foreignMember.code).toBe("NOT_FOUND");
    expect(
      (
        await trpcError(
          api.bulkRestore({
            items: [{ id: foreign.conversationId, status: "resolved", assigneeId: null, labelIds: [] }],
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (await trpcError(api.bulkUpdate({ target: { ids: [own.conversationId] }, change: {} }))).code,
    ).toBe("BAD_REQUEST");

    // A filter matches only the caller's workspace.
    const filtered = await api.bulkUpdate({
      target: { filter: { status: "open" } },
      change: { status: "pending" },
    });
    expect(filtered).toMatchObject({ matched: 1, changed: 1 });
    expect(await statesOf([own.conversationId, foreign.conversationId])).toEqual(
      expect.arrayContaining([
        { id: own.conversationId, status: "pending", assigneeId: null },
        { id: foreign.conversationId, status: "open", assigneeId: null },
      ]),
    );
  });
});
