import { describe, expect, it, vi } from "vitest";
import { seedConversation } from "@/server/conversations/test-conversations";
import { db } from "@/server/db/client";
import { onCommitted } from "@/server/events/publish";
import type { InboxEvent } from "@/server/events/types";
import { trpcError } from "@/server/test/errors";
import { createTestWorkspace, sessionCaller } from "@/server/test/fixtures";

async function assigneeOf(conversationId: string) {
  const row = await db().conversation.findUniqueOrThrow({
    where: { id: conversationId },
    select: { assigneeId: true },
  });
  return row.assigneeId;
}

describe("auto-assign on reply", () => {
  it("assigns an unassigned conversation to the member who replies from the inbox, with its live event and webhook", async () => {
    const ws = await createTestWorkspace("Auto-assign");
    const { endpoint } = await ws.owner.api.v1.webhooks.create({
      url: "https://hooks.example.com/assign",
      events: ["conversation.updated"],
    });
    const ayse = await ws.addMember("agent");
    const bora = await ws.addMember("agent");
    const { conversationId } = await seedConversation(ws.workspaceId);
    const events: InboxEvent[] = [];
    onCommitted((event) => {
      if (event.workspaceId === ws.workspaceId) events.push(event);
    });

    // A note is for the team: it assigns nobody.
    await sessionCaller(ayse).v1.connect.send({
      conversationId,
      content: { en: "checking" },
      flags: ["internal"],
    });
    expect(await assigneeOf(conversationId)).toBeNull();

    const reply = await sessionCaller(ayse).v1.connect.send({ conversationId, content: { en: "On it." } });
    expect(await assigneeOf(conversationId)).toBe(ayse.memberId);
    const conversation = await sessionCaller(ayse).v1.conversations.get({ id: conversationId });
    expect(conversation.assignee?.memberId).toBe(ayse.memberId);
    await vi.waitFor(() =>
      expect(events).toContainEqual({
        type: "conversation.updated",
        workspaceId: ws.workspaceId,
        conversationId,
      }),
    );
    expect(events).toContainEqual(expect.objectContaining({ type: "message.created", messageId: reply.id }));
    const deliveries = await db().webhookDelivery.findMany({
      where: { workspaceId: ws.workspaceId, endpointId: endpoint.id },
      select: { eventType: true, subjectId: true, changes: true },
    });
    expect(deliveries).toEqual([
      {
        eventType: "conversation.updated",
        subjectId: conversationId,
        changes: { assigneeId: { from: null, to: ayse.memberId } },
      },
    ]);

    // Already someone's: a colleague's reply leaves it with them, and announces no change.
    const before = events.length;
    await sessionCaller(bora).v1.connect.send({ conversationId, content: { en: "Me too." } });
    expect(await assigneeOf(conversationId)).toBe(ayse.memberId);
    await vi.waitFor(() => expect(events.length).toBe(before + 1));
    expect(events.at(-1)).toMatchObject({ type: "message.created" });
  });

  it("leaves conversations unassigned for API keys, and when the workspace turned it off (admins only)", async () => {
    const ws = await createTestWorkspace("No auto-assign");
    const agent = await ws.addMember("agent");
    const first = await seedConversation(ws.workspaceId);
    await agent.api.v1.connect.send({
      conversationId: first.conversationId,
      content: { en: "From a script" },
    });
    expect(await assigneeOf(first.conversationId)).toBeNull();

    expect((await trpcError(agent.api.v1.workspace.update({ autoAssignOnReply: false }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await ws.owner.api.v1.workspace.settings()).autoAssignOnReply).toBe(true);
    const saved = await sessionCaller(ws.owner).v1.workspace.update({ autoAssignOnReply: false });
    expect(saved.autoAssignOnReply).toBe(false);
    await sessionCaller(agent).v1.connect.send({
      conversationId: first.conversationId,
      content: { en: "Hi" },
    });
    expect(await assigneeOf(first.conversationId)).toBeNull();

    // Another workspace's setting is its own.
    const other = await createTestWorkspace("Still on");
    const theirs = await seedConversation(other.workspaceId);
    await sessionCaller(other.owner).v1.connect.send({
      conversationId: theirs.conversationId,
      content: { en: "Hi" },
    });
    expect(await assigneeOf(theirs.conversationId)).toBe(other.owner.memberId);

    const audit = await db().auditEntry.findMany({
      where: { workspaceId: ws.workspaceId, action: "workspace.auto_assign_changed" },
      select: { data: true },
    });
    expect(audit).toEqual([{ data: { from: true, to: false } }]);
  });
});
