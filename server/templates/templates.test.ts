import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { badFields, errorCode, trpcError } from "@/server/test/errors";
import { createTestConversation, createTestWorkspace, sessionCaller } from "@/server/test/fixtures";

const SHIPPED = {
  en: 'Hi {{customer.name | "there"}}, order {{order.id}} shipped.',
  ar: 'مرحباً {{customer.name | "عميلنا"}}، تم شحن الطلب {{order.id}}.',
};

describe("v1.templates", () => {
  it("creates, edits and deletes a template with a body per locale, each change audited", async () => {
    const ws = await createTestWorkspace("Templates");
    const api = sessionCaller(ws.owner).v1.templates;
    const created = await api.create({ name: " Shipped ", content: { ...SHIPPED, tr: "   " } });
    expect(created).toMatchObject({
      name: "Shipped",
      content: SHIPPED,
      placeholders: ["customer.name", "order.id"],
    });

    const edited = await api.update({
      id: created.id,
      name: "Order shipped",
      content: { ...SHIPPED, tr: 'Merhaba {{customer.name | "efendim"}}' },
    });
    expect(edited.content.tr).toBe('Merhaba {{customer.name | "efendim"}}');
    expect(await api.list()).toEqual([edited]);

    await api.delete({ id: created.id });
    expect(await api.list()).toEqual([]);
    const row = await db().template.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.deletedAt).not.toBeNull();
    expect(await errorCode(api.delete({ id: created.id }))).toBe("NOT_FOUND");
    expect(await errorCode(api.update({ id: created.id, name: "Back" }))).toBe("NOT_FOUND");

    const audit = await db().auditEntry.findMany({
      where: { workspaceId: ws.workspaceId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { action: true, targetId: true, targetLabel: true, data: true },
    });
    expect(audit).toEqual([
      {
        action: "template.created",
        targetId: created.id,
        targetLabel: "Shipped",
        data: { locales: ["en", "ar"] },
      },
      {
        action: "template.updated",
        targetId: created.id,
        targetLabel: "Order shipped",
        data: { name: { from: "Shipped", to: "Order shipped" }, locales: ["tr"] },
      },
      { action: "template.deleted", targetId: created.id, targetLabel: "Order shipped", data: null },
    ]);
  });

  it("keeps names unique among live templates, whatever their case; a deleted one frees its name", async () => {
    const ws = await createTestWorkspace();
    const api = ws.owner.api.v1.templates;
    const first = await api.create({ name: "Greeting", content: { en: "Hi" } });
    const clash = await trpcError(api.create({ name: "GREETING", content: { en: "Hello" } }));
    expect(clash.code).toBe("CONFLICT");
    expect(clash.message).toMatch(/^name: /);
    const second = await api.create({ name: "Farewell", content: { en: "Bye" } });
    expect((await trpcError(api.update({ id: second.id, name: "greeting" }))).message).toMatch(/^name: /);
    await api.delete({ id: first.id });
    const again = await api.create({ name: "greeting", content: { en: "Hello again" } });
    expect((await api.list()).map((t) => t.id)).toEqual([second.id, again.id]);
  });

  it("refuses bad input with a 400 naming the field: no body, an unknown locale, a mistyped variable", async () => {
    const ws = await createTestWorkspace();
    const api = ws.owner.api.v1.templates;
    expect(await badFields(api.create({ name: "", content: { en: "x" } }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["name"],
    });
    expect(await badFields(api.create({ name: "Empty", content: { en: " ", ar: null } }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["content"],
    });
    // @ts-expect-error: not a locale
    expect(await badFields(api.create({ name: "French", content: { fr: "Bonjour" } }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["content"],
    });
    const mistyped = await trpcError(
      api.create({ name: "Bad", content: { en: "ok", ar: "مرحباً {{customer.name | عميل}}" } }),
    );
    expect(mistyped.code).toBe("BAD_REQUEST");
    expect(
      await badFields(
        api.create({ name: "Bad", content: { en: "ok", ar: "مرحباً {{customer.name | عميل}}" } }),
      ),
    ).toEqual({
      code: "BAD_REQUEST",
      fields: ["content.ar"],
    });
    const { id } = await api.create({ name: "Good", content: { en: "ok" } });
    expect(await badFields(api.update({ id, content: { tr: "{{ }}" } }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["content.tr"],
    });
    expect(await badFields(api.delete({ id: "" }))).toEqual({ code: "BAD_REQUEST", fields: ["id"] });
    expect((await api.list()).map((t) => t.name)).toEqual(["Good"]);
  });

  it("lets every member list, only owners and admins change; another workspace's template is not found", async () => {
    const ws = await createTestWorkspace();
    const other = await createTestWorkspace();
    const admin = await ws.addMember("admin");
    const agent = await ws.addMember("agent");
    const mine = await admin.api.v1.templates.create({ name: "Mine", content: { en: "x" } });
    const theirs = await other.owner.api.v1.templates.create({ name: "Theirs", content: { en: "y" } });
    expect((await agent.api.v1.templates.list()).map((t) => t.id)).toEqual([mine.id]);
    for (const call of [
      () => agent.api.v1.templates.create({ name: "N", content: { en: "n" } }),
      () => agent.api.v1.templates.update({ id: mine.id, name: "Renamed" }),
      () => agent.api.v1.templates.delete({ id: mine.id }),
    ]) {
      expect(await errorCode(call())).toBe("FORBIDDEN");
    }
    for (const call of [
      () => admin.api.v1.templates.update({ id: theirs.id, name: "Stolen" }),
      () => admin.api.v1.templates.delete({ id: theirs.id }),
    ]) {
      const error = await trpcError(call());
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toBe("id: no such template");
    }
    expect(await db().template.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      name: "Theirs",
      deletedAt: null,
    });
  });
});

describe("templates in the composer and the API", () => {
  it("the `/` picker's list and the API's templateId use the same live templates; fallbacks fill in", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const api = ws.owner.api.v1;
    const shipped = await api.templates.create({ name: "Shipped", content: SHIPPED });
    const gone = await api.templates.create({ name: "Gone", content: { en: "Old text" } });
    await api.templates.delete({ id: gone.id });

    expect((await api.workspace.templates()).map((t) => t.id)).toEqual([shipped.id]);

    const message = await api.connect.send({
      conversationId,
      templateId: shipped.id,
      templateContext: { order: { id: 1042 } },
    });
    expect(message.content).toEqual({
      en: "Hi there, order 1042 shipped.",
      ar: "مرحباً عميلنا، تم شحن الطلب 1042.",
    });
    // A variable with neither a value nor a fallback is still an error naming it.
    const missing = await trpcError(
      api.connect.send({ conversationId, templateId: shipped.id, templateContext: {} }),
    );
    expect(missing.code).toBe("BAD_REQUEST");
    expect(missing.message).toMatch(/^templateContext\.order\.id: /);

    // A deleted template is refused exactly like an unknown id.
    const deleted = await trpcError(api.connect.send({ conversationId, templateId: gone.id }));
    const unknown = await trpcError(api.connect.send({ conversationId, templateId: "no-such-template" }));
    expect([deleted.code, deleted.message]).toEqual([unknown.code, unknown.message]);
    expect(deleted.message).toBe("templateId: no such template");
    expect(await db().message.count({ where: { conversationId } })).toBe(1);
  });
});
