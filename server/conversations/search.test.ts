import { beforeAll, describe, expect, it } from "vitest";
import { seedConversation } from "@/server/conversations/test-conversations";
import { db } from "@/server/db/client";
import { createTestWorkspace, type TestWorkspace } from "@/server/test/fixtures";

let ws: TestWorkspace;
const ids: Record<string, string> = {};

async function found(search: string): Promise<string[]> {
  const page = await ws.owner.api.v1.conversations.list({ search });
  const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return page.items.map((item) => names[item.id] ?? item.id).sort();
}

beforeAll(async () => {
  ws = await createTestWorkspace("Search");
  const at = (minutes: number) => new Date(Date.parse("2026-01-01T12:00:00.000Z") - minutes * 60_000);
  const seeds = {
    ayse: {
      customerName: "Ayşe Yılmaz",
      customerEmail: "ayse@example.com",
      messages: [{ tr: "İstanbul'a kargo ne zaman gelir?" }],
    },
    isik: { customerName: "IŞIK Ltd", messages: [{ en: "Invoice for the ISPARTA office" }] },
    ahmed: { customerName: "Ahmed", messages: [{ ar: "مرحباً، أين طلبي؟" }] },
    nested: { customerName: "Nested", messages: [{ en: { text: "deep needle value" } }] },
    cotton: { customerName: "100% Cotton_Shop", messages: [{ en: "fifty off" }] },
    refund: { customerName: "Zed", subject: "Refund request" },
    shipping: { customerName: "Kim", messages: [{ en: "Old note" }, { en: "Shipping to Istanbul" }] },
  };
  let minutes = 0;
  for (const [name, seed] of Object.entries(seeds)) {
    ids[name] = (
      await seedConversation(ws.workspaceId, { ...seed, lastMessageAt: at(minutes++) })
    ).conversationId;
  }
});

describe("v1.conversations.list search", () => {
  it("folds Turkish dotted and dotless i: every spelling of Istanbul finds both", async () => {
    for (const search of ["istanbul", "ISTANBUL", "İstanbul", "ıstanbul", "İSTANBUL", "IstanBUL"]) {
      expect(await found(search), search).toEqual(["ayse", "shipping"]);
    }
    for (const search of ["yilmaz", "YILMAZ", "Yılmaz", "yılmaz"]) {
      expect(await found(search), search).toEqual(["ayse"]);
    }
    for (const search of ["ışık", "Işık", "IŞIK", "işik", "ısparta", "İSPARTA"]) {
      expect(await found(search), search).toEqual(["isik"]);
    }
    expect(await found("AYŞE")).toEqual(["ayse"]);
    // Only case and the i family fold: ş and s stay different letters.
    expect(await found("isik")).toEqual([]);
  });

  it("finds Arabic text with or without tashkeel and hamza", async () => {
    expect(await found("مرحباً")).toEqual(["ahmed"]);
    expect(await found("مرحبا")).toEqual(["ahmed"]);
    expect(await found("أين طلبي")).toEqual(["ahmed"]);
    expect(await found("اين طلبي")).toEqual(["ahmed"]);
    expect(await found("وداعا")).toEqual([]);
  });

  it("searches customer name and email, subject, and every message's text in any locale", async () => {
    expect(await found("ayse@EXAMPLE")).toEqual(["ayse"]);
    expect(await found("refund")).toEqual(["refund"]);
    expect(await found("kargo")).toEqual(["ayse"]);
    expect(await found("old note")).toEqual(["shipping"]);
    expect(await found("deep needle")).toEqual(["nested"]);
    // Locale names and JSON keys are not text.
    expect(await found("text")).toEqual([]);
    expect(await found('"tr"')).toEqual([]);
  });

  it("takes LIKE wildcards and SQL literally", async () => {
    expect(await found("%")).toEqual(["cotton"]);
    expect(await found("_")).toEqual(["cotton"]);
    expect(await found("t_n")).toEqual([]);
    expect(await found("n_S")).toEqual(["cotton"]);
    expect(await found("\\")).toEqual([]);
    expect(await found(`'); DELETE FROM "Conversation"; --`)).toEqual([]);
    expect(await db().conversation.count({ where: { workspaceId: ws.workspaceId } })).toBe(7);
    expect(await found("   ")).toHaveLength(7);
  });

  it("finds what every writer stores: a send through the API, text, names and subjects changed afterwards", async () => {
    const { conversationId, customerId } = await seedConversation(ws.workspaceId, { customerName: "Writer" });
    const sent = await ws.owner.api.v1.connect.send({
      conversationId,
      content: { en: "Your Zanzibar voucher", tr: "ÇAĞRI MERKEZİ" },
    });
    ids.writer = conversationId;
    expect(await found("zanzibar")).toEqual(["writer"]);
    expect(await found("çağrı merkezi")).toEqual(["writer"]);
    await db().message.update({ where: { id: sent.id }, data: { content: { en: "Your Mombasa voucher" } } });
    expect(await found("zanzibar")).toEqual([]);
    expect(await found("MOMBASA")).toEqual(["writer"]);

    // The customer renamed by a send's upsert (SQL), the subject changed through the ORM.
    await ws.owner.api.v1.connect.send({
      conversationId,
      sender: "customer",
      customer: { id: customerId, name: "Şule Işıkçı", email: "sule@shop.example" },
      content: { en: "Thanks" },
    });
    expect(await found("SULE ISIKÇI")).toEqual([]);
    expect(await found("şule ışıkçı")).toEqual(["writer"]);
    expect(await found("sule@SHOP")).toEqual(["writer"]);
    expect(await found("writer")).toEqual([]);
    await db().conversation.update({ where: { id: conversationId }, data: { subject: "Gümrük iadesi" } });
    expect(await found("GÜMRÜK")).toEqual(["writer"]);
    await db().conversation.delete({ where: { id: conversationId } });
    delete ids.writer;
  });

  it("pages search results with the same keyset", async () => {
    const first = await ws.owner.api.v1.conversations.list({ search: "ISTANBUL", limit: 1 });
    const second = await ws.owner.api.v1.conversations.list({
      search: "ISTANBUL",
      limit: 1,
      cursor: first.nextCursor,
    });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual([ids.ayse, ids.shipping]);
    expect(second.nextCursor).toBeNull();
  });
});
