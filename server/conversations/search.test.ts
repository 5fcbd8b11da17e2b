import { beforeAll, describe, expect, it } from "vitest";
import { containsPattern } from "@/server/conversations/search";
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
    thanks: { customerName: "Mehmet Öztürk", messages: [{ tr: "Çok teşekkür ederim, güzel iş" }] },
    cafe: { customerName: "Zoë", subject: "Café Façade", messages: [{ en: "Crème brûlée for Łódź" }] },
    decomposed: { customerName: "Decomposed", messages: [{ en: "Jose\u0301 nin\u0303o" }] },
    school: { customerName: "Layla", messages: [{ ar: "المدرسة في المستشفى، سؤال مسئول" }] },
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
  });

  it("folds Turkish and other Latin diacritics to their base letter, both ways", async () => {
    for (const search of ["isik", "ISIK", "ışık", "işık"])
      expect(await found(search), search).toEqual(["isik"]);
    for (const search of ["tesekkur", "TEŞEKKÜR", "teşekkur", "cok tesekkur", "guzel is"]) {
      expect(await found(search), search).toEqual(["thanks"]);
    }
    for (const search of ["ozturk", "OZTURK", "Öztürk", "öztürk", "mehmet oz"]) {
      expect(await found(search), search).toEqual(["thanks"]);
    }
    expect(await found("ayse")).toEqual(["ayse"]);
    expect(await found("cafe facade")).toEqual(["cafe"]);
    expect(await found("CAFÉ")).toEqual(["cafe"]);
    expect(await found("creme brulee for lodz")).toEqual(["cafe"]);
    expect(await found("zoe")).toEqual(["cafe"]);
    // Composed or decomposed, in the text or in the search words, é is e.
    expect(await found("josé niño")).toEqual(["decomposed"]);
    expect(await found("jose\u0301")).toEqual(["decomposed"]);
    expect(await found("jose nino")).toEqual(["decomposed"]);
    // Different base letters still differ.
    expect(await found("tesekkar")).toEqual([]);
  });

  it("folds Arabic letter variants: ة and ه, ى and ي, hamza on alef, waw and yeh", async () => {
    expect(await found("المدرسه")).toEqual(["school"]);
    expect(await found("المستشفي")).toEqual(["school"]);
    expect(await found("سوال")).toEqual(["school"]);
    expect(await found("مسيول")).toEqual(["school"]);
    expect(await found("إين طلبي")).toEqual(["ahmed"]);
    expect(await found("آين طلبى")).toEqual(["ahmed"]);
    // Tatweel and presentation forms (as copied from a PDF) fold too.
    expect(await found("مـــرحبا")).toEqual(["ahmed"]);
    expect(await found("\uFEE3\uFEAE\uFEA3\uFE92\uFE8E")).toEqual(["ahmed"]);
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
    // A full-width ％ folds to a plain one, still taken literally.
    expect(await found("\uFF05")).toEqual(["cotton"]);
    expect(await found("t\uFF3Fn")).toEqual([]);
    expect(await found(`'); DELETE FROM "Conversation"; --`)).toEqual([]);
    expect(await db().conversation.count({ where: { workspaceId: ws.workspaceId } })).toBe(11);
    expect(await found("   ")).toHaveLength(11);
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
    expect(await found("SULE ISIKÇI")).toEqual(["writer"]);
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

  it("the folded search words can still use the messages' trigram index", async () => {
    // Small test tables make a sequential scan the cheaper plan; with it priced out, the plan
    // shows whether the index can serve the pattern at all (it cannot if the pattern stops
    // being an immutable expression of the search words).
    // (The whole list query's plan depends on table statistics: `npm run bench -- search`
    // measures it over 1,000,000 messages.)
    const plan = await db().$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        EXPLAIN SELECT m."id" FROM "Message" m WHERE m."searchText" LIKE ${containsPattern("Teşekkür ％")}`;
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain('Bitmap Index Scan on "Message_searchText_idx"');
    expect(plan).toContain("'%tesekkur \\%%'");
  });
});

describe("search results name the newest matching message", () => {
  it("matchMessageId is the newest message holding the words, null for a name match, absent without a search", async () => {
    const other = await createTestWorkspace("Search hits");
    const { conversationId } = await seedConversation(other.workspaceId, {
      customerName: "Hilal Kaya",
      messages: [
        { en: "First refund asked" },
        { en: "Something else" },
        { tr: "İade (refund) again" },
        { en: "Thanks" },
      ],
    });
    const messages = await db().message.findMany({
      where: { conversationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    const api = other.owner.api.v1.conversations;
    const only = async (search?: string) => (await api.list(search ? { search } : {})).items[0];
    expect((await only("REFUND"))?.matchMessageId).toBe(messages[2]?.id);
    expect((await only("first refund"))?.matchMessageId).toBe(messages[0]?.id);
    expect((await only("hilal kaya"))?.matchMessageId).toBeNull();
    expect(await only()).not.toHaveProperty("matchMessageId");
  });
});

describe("v1.conversations.counts with a search", () => {
  it("counts the search's hits in every status, so hits outside the current tab are found", async () => {
    const other = await createTestWorkspace("Search counts");
    const warranty = { messages: [{ en: "My warranty claim" }] };
    await seedConversation(other.workspaceId, { ...warranty, status: "resolved" });
    await seedConversation(other.workspaceId, {
      ...warranty,
      status: "resolved",
      assigneeId: other.owner.memberId,
    });
    await seedConversation(other.workspaceId, { customerName: "Garantı Warranty", status: "pending" });
    await seedConversation(other.workspaceId, { messages: [{ en: "Nothing to see" }] });
    const api = other.owner.api.v1.conversations;
    // The hits per status (the unread among them are counted too, and tested with the unread rule).
    const hits = async (input: Parameters<typeof api.counts>[0], member = other.owner) => {
      const { unread: _, ...byStatus } = await member.api.v1.conversations.counts(input);
      return byStatus;
    };

    expect((await api.list({ status: "open", search: "WARRANTY" })).items).toEqual([]);
    expect(await hits({ search: "WARRANTY" })).toEqual({ open: 0, pending: 1, resolved: 2, snoozed: 0 });
    expect(await hits({ search: "warranty", assignee: "me" })).toEqual({
      open: 0,
      pending: 0,
      resolved: 1,
      snoozed: 0,
    });
    expect(await hits({ search: "garanti" })).toEqual({ open: 0, pending: 1, resolved: 0, snoozed: 0 });
    expect(await hits({ search: "  " })).toEqual({ open: 1, pending: 1, resolved: 2, snoozed: 0 });
    // Another workspace's hits are not counted.
    expect(await hits({ search: "warranty" }, ws.owner)).toEqual({
      open: 0,
      pending: 0,
      resolved: 0,
      snoozed: 0,
    });
  });
});
