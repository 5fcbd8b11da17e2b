import { describe, expect, it } from "vitest";
import { NOTHING_FOUND } from "@/server/ai/builtin/answer";
import { isCustomerSpecific } from "@/server/ai/builtin/customer-specific";
import { rankBm25 } from "@/server/ai/builtin/rank";
import { foldLatin, normalizeArabic, searchTerms } from "@/server/ai/builtin/tokens";
import { detectLocale, messageLocale } from "@/server/ai/language";
import { processRun } from "@/server/ai/process-run";
import { repliesTo, runRow, testDeps } from "@/server/ai/test-helpers";
import { db } from "@/server/db/client";
import { trpcError } from "@/server/test/errors";
import { createTestConversation, createTestWorkspace, type TestWorkspace } from "@/server/test/fixtures";

const REFUND_AR =
  "يمكنك استرداد أموالك خلال ١٤ يومًا من تاريخ الاستلام. أرسل لنا رقم الطلب وسنعيد المبلغ إلى بطاقتك.";
const REFUND_EN =
  "You can get your money back within 14 days of delivery. Send us your order number and we will refund your card.";
const SHIPPING_AR = "يصل الشحن عادةً خلال ٣ إلى ٥ أيام عمل إلى جميع المدن.";
const REFUND_TR = "İade talebinizi 14 gün içinde oluşturabilirsiniz. SİPARİŞ numaranızı bize gönderin.";

async function builtinWorkspace() {
  const ws = await createTestWorkspace();
  const agent = await ws.owner.api.v1.ai.agents.create({ name: "Built-in", provider: "builtin" });
  await db().template.createMany({
    data: [
      {
        workspaceId: ws.workspaceId,
        name: "refund-policy",
        content: { ar: REFUND_AR, en: REFUND_EN, tr: REFUND_TR },
      },
      { workspaceId: ws.workspaceId, name: "shipping-times", content: { ar: SHIPPING_AR } },
    ],
  });
  return { ws, agent };
}

async function ask(ws: TestWorkspace, agentId: string, content: Record<string, string>) {
  const { conversationId } = await createTestConversation(ws.workspaceId, { customerName: "Layla" });
  const message = await ws.owner.api.v1.connect.send({
    conversationId,
    sender: "customer",
    content,
    ai: { agentId },
  });
  const run = await db().aiRun.findFirstOrThrow({
    where: { triggerMessageId: message.id },
    select: { id: true },
  });
  const outcome = await processRun(db(), run.id, testDeps());
  const replies = await repliesTo(db(), message.id);
  return { outcome, replies, run: await runRow(db(), run.id), conversationId };
}

describe("built-in agent: text normalization", () => {
  it("strips Arabic diacritics and tatweel and unifies alef, ya and ta marbuta", () => {
    expect(normalizeArabic("إِسْتِرْدَادُ الأَمـــوَالِ")).toBe("استرداد الاموال");
    expect(normalizeArabic("مستشفى مدرسة آمنة")).toBe("مستشفي مدرسه امنه");
    expect(normalizeArabic("١٤ يوم")).toBe("14 يوم");
  });

  it("lowercases Turkish the Turkish way (I → ı, İ → i), then folds its letters", () => {
    expect(foldLatin("İSTANBUL IŞIK", "tr")).toBe("istanbul isik");
    expect(foldLatin("IŞIK", "tr")).toBe(foldLatin("ışık", "tr"));
    expect(searchTerms("SİPARİŞİM", "tr")).toEqual(searchTerms("siparişim", "tr"));
    // English lowercasing of İ leaves a combining dot; the fold removes it too.
    expect(foldLatin("İade", "en")).toBe("iade");
  });

  it("finds one stem for an Arabic word with and without its article and pronoun", () => {
    expect(searchTerms("الاسترداد", "ar")).toEqual(searchTerms("استرداد", "ar"));
    expect(searchTerms("أموالك", "ar")).toEqual(searchTerms("أمـوالي", "ar"));
  });

  it("detects the language of a text by its script, Turkish letters and words", () => {
    expect(detectLocale("أين طلبي؟")).toBe("ar");
    expect(detectLocale("Siparişim nerede?")).toBe("tr");
    expect(detectLocale("siparis nerede, kargo yok")).toBe("tr");
    expect(detectLocale("Where is my order?")).toBe("en");
    expect(detectLocale("12345")).toBeNull();
    // An API client that puts Arabic under `en` still gets an Arabic answer.
    expect(messageLocale({ en: "أين طلبي؟" })).toBe("ar");
  });

  it("tells a reply about one customer's case from one that holds for anyone", () => {
    const omar = { name: "Omar Haddad", email: "omar@example.com" };
    const specific = [
      "Omar, your parcel is on its way.",
      "Hi Dana! The replacement is packed.",
      "We refunded €45 to your card.",
      "That is 120 TL back on your card.",
      "Your order ORD-77 is with the courier.",
      "Tracking: 1Z 999 AA1 0123 4567 84",
      "It will reach you on 12/05.",
      "It arrives by Friday.",
      "Your refund has been processed.",
      "We'll refund you the delivery fee as well.",
      "تم استرداد المبلغ إلى بطاقتك.",
      "سيصلك الطلب رقم ٥١٢ غدًا.",
      "Siparişiniz yarın kargoda.",
      "Ücretinizi iade ettik.",
    ];
    const general = [
      "Yes, we ship to Canada. Delivery takes about seven business days.",
      "You can return any item within 14 days; refunds reach your card in 3 to 5 business days.",
      "Our support team is here 24/7.",
      "يصل الشحن عادةً خلال ٣ إلى ٥ أيام عمل.",
      "İade talebinizi 14 gün içinde oluşturabilirsiniz.",
    ];
    expect(specific.filter((text) => !isCustomerSpecific(text, omar))).toEqual([]);
    expect(general.filter((text) => isCustomerSpecific(text, omar))).toEqual([]);
  });

  it("ranks by BM25, deterministically, with ties in key order", () => {
    const documents = [
      { key: "b", terms: ["refund", "card"], document: "b" },
      { key: "a", terms: ["refund", "card"], document: "a" },
      { key: "c", terms: ["shipping", "day"], document: "c" },
    ];
    const ranked = rankBm25(["refund", "card"], documents);
    expect(ranked.map((r) => r.document)).toEqual(["a", "b"]);
    expect(ranked[0]).toMatchObject({ matched: 2, known: 2 });
    expect(rankBm25(["refund", "card"], documents)).toEqual(ranked);
  });
});

describe("built-in agent: answers from the workspace's knowledge", () => {
  it("answers an Arabic question from a saved Arabic answer, in Arabic", async () => {
    const { ws, agent } = await builtinWorkspace();
    const { outcome, replies, run } = await ask(ws, agent.id, { ar: "مرحبا، كيف يمكنني إسترداد أمـــوالي؟" });
    expect(outcome.outcome).toBe("succeeded");
    expect(replies).toHaveLength(1);
    expect(replies[0]?.content).toEqual({ ar: REFUND_AR });
    expect(replies[0]).toMatchObject({ senderType: "ai", senderAgentId: agent.id });
    const template = await db().template.findFirstOrThrow({
      where: { workspaceId: ws.workspaceId, name: "refund-policy" },
    });
    expect(run.output).toMatchObject({ sources: [{ type: "template", id: template.id }] });
  });

  it("says in Arabic that it has nothing good for an unrelated Arabic question", async () => {
    const { ws, agent } = await builtinWorkspace();
    const { replies, run } = await ask(ws, agent.id, { ar: "ما هي عاصمة فرنسا؟" });
    expect(replies).toHaveLength(1);
    expect(replies[0]?.content).toEqual({ ar: NOTHING_FOUND.ar });
    expect(run.output).toMatchObject({ sources: [] });
  });

  it("answers Turkish typed without Turkish letters and in capitals from a Turkish answer", async () => {
    const { ws, agent } = await builtinWorkspace();
    const { replies } = await ask(ws, agent.id, { tr: "IADE nasıl yaparım? siparis numaram hazır" });
    expect(replies[0]?.content).toEqual({ tr: REFUND_TR });
  });

  it("answers in English from a resolved conversation's member reply, and never with one naming its customer", async () => {
    const { ws, agent } = await builtinWorkspace();
    const past = await createTestConversation(ws.workspaceId, { customerName: "Omar Haddad" });
    const say = (sender: "customer" | "workspace", en: string) =>
      ws.owner.api.v1.connect.send({ conversationId: past.conversationId, sender, content: { en } });
    await say("customer", "Do you ship to Canada?");
    await say("workspace", "Yes, we ship to Canada. Delivery takes about seven business days.");
    await say("customer", "Can I pay with PayPal for international shipping?");
    await say("workspace", "Omar, yes: PayPal works for international shipping.");
    await db().conversation.update({ where: { id: past.conversationId }, data: { status: "resolved" } });

    const canada = await ask(ws, agent.id, { en: "Hi! Can you ship my order to Canada?" });
    expect(canada.replies[0]?.content).toEqual({
      en: "Yes, we ship to Canada. Delivery takes about seven business days.",
    });
    const paypal = await ask(ws, agent.id, { en: "Can I pay with PayPal?" });
    expect(paypal.replies[0]?.content).toEqual({ en: NOTHING_FOUND.en });
  });

  const GENERAL_BROKEN =
    "If something arrives broken, send us a photo of the damage and we replace it or refund it, whichever you prefer.";

  it.each([
    ["an amount", "So sorry! I've put $89.90 back on your card for the broken blender that arrived."],
    ["an order number", "Sorry the blender arrived broken: order #512 is refunded in full."],
    ["a date", "Sorry the blender arrived broken. Your refund reaches your card by March 14."],
    [
      "only the promise",
      "Sorry the blender arrived broken! I have refunded it to your card, no need to send it back.",
    ],
  ])("never reuses another customer's refund promise (with %s)", async (_kind, promise) => {
    const { ws, agent } = await builtinWorkspace();
    const resolved = async (customerName: string, question: string, reply: string) => {
      const { conversationId } = await createTestConversation(ws.workspaceId, { customerName });
      const say = (sender: "customer" | "workspace", en: string) =>
        ws.owner.api.v1.connect.send({ conversationId, sender, content: { en } });
      await say("customer", question);
      await say("workspace", reply);
      await db().conversation.update({ where: { id: conversationId }, data: { status: "resolved" } });
    };
    await resolved("Omar Haddad", "My blender arrived broken. Can I get a refund?", promise);
    await resolved("Sara Nilsson", "The kettle I got is broken, what can I do?", GENERAL_BROKEN);

    const { replies } = await ask(ws, agent.id, { en: "My blender arrived broken, can I get a refund?" });
    expect(replies[0]?.content).toEqual({ en: GENERAL_BROKEN });
  });

  it("gives the same answer to the same question every time", async () => {
    const { ws, agent } = await builtinWorkspace();
    const first = await ask(ws, agent.id, { ar: "متى يصل الشحن؟" });
    const second = await ask(ws, agent.id, { ar: "متى يصل الشحن؟" });
    expect(first.replies[0]?.content).toEqual({ ar: SHIPPING_AR });
    expect(second.replies[0]?.content).toEqual(first.replies[0]?.content);
    expect(second.run.output).toEqual(first.run.output);
  });
});

describe("built-in agent: transform", () => {
  it("refuses to translate, clearly, when the run is requested", async () => {
    const { ws } = await builtinWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    await ws.owner.api.v1.connect.send({ conversationId, sender: "customer", content: { en: "hi" } });
    const error = await trpcError(
      ws.owner.api.v1.ai.transform({ conversationId, text: "Thanks!", locale: "en", kind: "translate" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("not supported by the built-in agent");
  });

  it("rewrites offline: shorter drops filler and trailing sentences, friendlier greets by name", async () => {
    const { ws } = await builtinWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId, { customerName: "Layla" });
    await ws.owner.api.v1.connect.send({ conversationId, sender: "customer", content: { en: "hi" } });
    const text =
      "I just wanted to let you know that your order has actually shipped today. It should arrive by Friday. Please note that tracking can take a day to update. We really appreciate your patience with this.";
    const shorter = await ws.owner.api.v1.ai.transform({
      conversationId,
      text,
      locale: "en",
      kind: "rewrite",
      style: "shorter",
    });
    await processRun(db(), shorter.id, testDeps());
    const friendlier = await ws.owner.api.v1.ai.transform({
      conversationId,
      text: "Your order shipped today.",
      locale: "en",
      kind: "rewrite",
      style: "friendlier",
    });
    await processRun(db(), friendlier.id, testDeps());

    const short = (await ws.owner.api.v1.ai.run({ id: shorter.id })).output?.texts.en ?? "";
    expect(short.startsWith("Your order has shipped today.")).toBe(true);
    expect(short.length).toBeLessThan(text.length * 0.7);
    expect((await ws.owner.api.v1.ai.run({ id: friendlier.id })).output?.texts).toEqual({
      en: "Hi Layla! Your order shipped today. Thanks so much for reaching out!",
    });
  });
});
