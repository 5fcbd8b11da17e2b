import { expect, type Page, test } from "@playwright/test";
import { createPlatoClient } from "@/client/plato";
import { E2E_BASE_URL, E2E_BLOCKED_AGENT, e2eCredentials } from "@/e2e/config";
import { openMenuFromKeyboard } from "@/e2e/ui";
import { type FakeOpenAi, startFakeOpenAi } from "@/server/ai/testing/openai-server";

const api = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: e2eCredentials.apiKey });
// A cold page on a loaded machine can take most of a minute to show its first rows.
const FIRST_PAINT = { timeout: 60_000 };
const RUN_DONE = { timeout: 30_000 };
test.describe.configure({ timeout: 180_000 });

/** An agent that always fails at once: its model refuses the key (401) with a body of its own. */
let offlineAgent: string;
let refusingModel: FakeOpenAi;
/** This worker's OpenAI-compatible model, a real HTTP server the app calls, and two agents on it. */
let model: FakeOpenAi;
let draftAgent: string;
let replyAgent: { id: string; name: string };
/** The built-in agent set to reply in the thread (the demo's own drafts since issue 13). */
let builtinReplier: string;
test.beforeAll(async () => {
  const suffix = `${test.info().workerIndex}-${Date.now()}`;
  builtinReplier = `Built-in replier ${suffix}`;
  await api.v1.ai.agents.create.mutate({ name: builtinReplier, provider: "builtin", mode: "reply" });
  offlineAgent = `Offline model ${suffix}`;
  refusingModel = await startFakeOpenAi();
  refusingModel.failNext(Number.MAX_SAFE_INTEGER, 401);
  await api.v1.ai.agents.create.mutate({
    name: offlineAgent,
    provider: "openai_compatible",
    model: "offline-model",
    baseUrl: refusingModel.baseUrl,
    apiKey: "sk-e2e-refused-key",
    mode: "reply",
  });
  model = await startFakeOpenAi();
  draftAgent = `Draft writer ${suffix}`;
  await api.v1.ai.agents.create.mutate({
    name: draftAgent,
    provider: "openai_compatible",
    model: "fake-drafter",
    baseUrl: model.baseUrl,
    mode: "draft",
  });
  const replier = await api.v1.ai.agents.create.mutate({
    name: `Model replier ${suffix}`,
    provider: "openai_compatible",
    model: "fake-replier",
    baseUrl: model.baseUrl,
    mode: "reply",
  });
  replyAgent = { id: replier.id, name: replier.name };
});
test.afterAll(async () => {
  await model?.close();
  await refusingModel?.close();
});
test.beforeEach(() => {
  model.pace(0);
  model.failNext(0);
});

async function conversationAsking(question: string, locale: "en" | "ar" = "en") {
  const suffix = `${test.info().workerIndex}-${Date.now()}`;
  const { id: conversationId } = await api.v1.conversations.create.mutate({
    customer: { name: "Maya Lindqvist", email: `ai-${suffix}@example.com` },
    subject: `AI assist ${suffix}`,
  });
  const message = await api.v1.connect.send.mutate({
    conversationId,
    sender: "customer",
    content: { [locale]: question },
  });
  return { conversationId, messageId: message.id };
}

/** Every value the composer's text area shows, in order, sampled every 25 ms. */
async function recordComposerTexts(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { composerTexts: string[] }).composerTexts = seen;
    setInterval(() => {
      const text = document.querySelector<HTMLTextAreaElement>("#composer-panel textarea")?.value ?? "";
      if (seen.at(-1) !== text) seen.push(text);
    }, 25);
  });
  return () => page.evaluate(() => (window as unknown as { composerTexts: string[] }).composerTexts);
}

async function screenshot(page: Page, name: string) {
  const path = test.info().outputPath(`${name}.png`);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path });
  await test.info().attach(name, { path, contentType: "image/png" });
}

/** Every state the message's run status shows, in order, recorded as the DOM changes. */
async function recordRunStates(page: Page, messageId: string) {
  await page.evaluate((id) => {
    const seen: string[] = [];
    (window as unknown as { aiStates: string[] }).aiStates = seen;
    const row = document.querySelector(`article[data-message-id="${id}"]`);
    const note = () => {
      const state = row?.querySelector("[data-ai-run-status]")?.getAttribute("data-ai-run-status");
      if (state && seen.at(-1) !== state) seen.push(state);
    };
    if (row) new MutationObserver(note).observe(row, { subtree: true, childList: true, attributes: true });
  }, messageId);
  return () => page.evaluate(() => (window as unknown as { aiStates: string[] }).aiStates);
}

const ASSIST_LABELS = {
  en: { assist: "AI assist", menu: "Choose an AI agent", send: "Send reply" },
  ar: { assist: "مساعدة الذكاء الاصطناعي", menu: "اختر وكيل ذكاء اصطناعي", send: "إرسال الرد" },
};

/** Asks the agent from the message's menu; a reply-mode agent's reply is confirmed (issue 13). */
async function askAgent(
  page: Page,
  messageId: string,
  agent: string,
  labels = ASSIST_LABELS.en,
  mode: "reply" | "draft" = "reply",
) {
  const row = page.locator(`article[data-message-id="${messageId}"]`);
  await expect(row).toBeVisible(FIRST_PAINT);
  await row.hover();
  await row.getByRole("button", { name: labels.assist }).click();
  await row.getByRole("menu", { name: labels.menu }).getByRole("menuitem", { name: agent }).click();
  if (mode === "reply") await page.getByRole("dialog").getByRole("button", { name: labels.send }).click();
  return row;
}

test("AI assist: the built-in agent's answer appears live as a threaded AI reply", async ({ page }) => {
  const { conversationId, messageId } = await conversationAsking(
    "Hi, my order shipped last week. When will my refund for the returned lamp reach my card?",
  );
  await page.goto(`/inbox/${conversationId}`);
  await expect(page.locator(`article[data-message-id="${messageId}"]`)).toBeVisible(FIRST_PAINT);
  const states = await recordRunStates(page, messageId);
  const row = await askAgent(page, messageId, builtinReplier);

  const status = row.locator("[data-ai-run-status]");
  await expect(status).toHaveAttribute("data-ai-run-status", "succeeded", RUN_DONE);
  await expect(status).toContainText(`${builtinReplier} replied in the thread.`);
  const seen = await states();
  expect(seen.at(-1)).toBe("succeeded");
  expect(seen).toContain("queued");

  const reply = page.locator('article[data-kind="ai"]', {
    has: page.locator(`[data-parent-quote="${messageId}"]`),
  });
  await expect(reply).toBeVisible();
  await expect(reply).toContainText(builtinReplier);
  await expect(reply.locator(`[data-parent-quote="${messageId}"]`)).toContainText("Maya Lindqvist");
  const { items } = await api.v1.connect.listMessages.query({ conversationId, limit: 5 });
  const posted = items.find((m) => m.sender.type === "ai");
  expect(posted?.parentId).toBe(messageId);
  expect(posted?.sender.name).toBe(builtinReplier);
  const answer = String(posted?.content.en ?? "");
  expect(answer.length).toBeGreaterThan(20);
  await expect(reply).toContainText(answer.slice(0, 40));

  await status.getByRole("button", { name: "Show the reply" }).click();
  await expect(reply).toBeFocused();
});

test("AI assist: a failing agent shows its error with Retry, and Retry runs it again", async ({ page }) => {
  const { conversationId, messageId } = await conversationAsking("Where is my parcel?");
  await page.goto(`/inbox/${conversationId}`);
  await expect(page.locator(`article[data-message-id="${messageId}"]`)).toBeVisible(FIRST_PAINT);
  const row = await askAgent(page, messageId, offlineAgent);

  const status = row.locator("[data-ai-run-status]");
  await expect(status).toHaveAttribute("data-ai-run-status", "failed", RUN_DONE);
  await expect(status).toHaveRole("alert");
  await expect(status).toContainText(`${offlineAgent} failed`);
  await expect(status).toContainText("The provider answered 401.");
  // What the provider said stays in the server's log.
  await expect(status).not.toContainText("The fake model is down");
  const runId = await status.getAttribute("data-ai-run-id");

  const states = await recordRunStates(page, messageId);
  await status.getByRole("button", { name: "Retry" }).click();
  await expect.poll(states, RUN_DONE).toEqual(expect.arrayContaining(["queued"]));
  await expect(status).toHaveAttribute("data-ai-run-status", "failed", RUN_DONE);
  await expect(status.getByRole("button", { name: "Retry" })).toBeVisible();
  const run = await api.v1.ai.run.query({ id: runId ?? "" });
  expect(run).toMatchObject({ status: "failed", attempts: 1 });
  const { items } = await api.v1.connect.listMessages.query({ conversationId, limit: 5 });
  expect(items.filter((m) => m.sender.type === "ai")).toHaveLength(0);
});

test("AI assist: an agent the migration paused fails at once and says what an admin does", async ({
  page,
}) => {
  const { conversationId, messageId } = await conversationAsking("Is my parcel lost?");
  await page.goto(`/inbox/${conversationId}`);
  const row = await askAgent(page, messageId, E2E_BLOCKED_AGENT);
  const status = row.locator("[data-ai-run-status]");
  await expect(status).toHaveAttribute("data-ai-run-status", "failed", RUN_DONE);
  await expect(status).toContainText("This agent is paused");
  await expect(status).toContainText("Settings → AI agents");
  const run = await api.v1.ai.run.query({ id: (await status.getAttribute("data-ai-run-id")) ?? "" });
  expect(run).toMatchObject({ status: "failed", attempts: 1 });
});

const DRAFT =
  "Thanks for waiting! A new lamp leaves our warehouse within two business days, and you get a tracking link by email as soon as it ships.";

test("AI assist: a draft agent's draft streams into the composer; the member edits it and sends one message", async ({
  page,
}) => {
  model.answer(DRAFT);
  // One word every 120 ms: the draft takes a few seconds to write, long enough to watch it grow.
  model.pace(120);
  const question = "My lamp arrived broken. Can you send me a new one?";
  const { conversationId, messageId } = await conversationAsking(question);
  await page.goto(`/inbox/${conversationId}`);
  const english = page.getByRole("textbox", { name: "Message in English" });
  await expect(english).toBeVisible(FIRST_PAINT);
  const texts = await recordComposerTexts(page);
  const states = await recordRunStates(page, messageId);
  const requestsBefore = model.requests.length;
  const row = await askAgent(page, messageId, draftAgent, ASSIST_LABELS.en, "draft");

  const status = row.locator("[data-ai-run-status]");
  await expect(status).toHaveAttribute("data-ai-run-status", "succeeded", RUN_DONE);
  await expect(status).toContainText(`${draftAgent}'s draft is in the composer; edit it, then send.`);
  await expect(english).toHaveValue(DRAFT);
  expect(await states()).toContain("running");
  // The text arrived in pieces while the agent was writing, each the start of the draft.
  const partial = (await texts()).filter((text) => text !== "" && text !== DRAFT);
  expect(partial.length).toBeGreaterThan(0);
  for (const text of partial) expect(DRAFT.startsWith(text.trimEnd())).toBe(true);
  const request = model.requests.at(requestsBefore);
  expect(request?.stream).toBe(true);
  expect(request?.messages.some((m) => m.content.includes(question))).toBe(true);
  // The draft answers the customer's message: the composer replies to it.
  const composer = page.getByRole("form", { name: "Reply to the customer" });
  await expect(composer.locator(`[data-reply-target="${messageId}"]`)).toContainText(
    "Replying to Maya Lindqvist",
  );
  await screenshot(page, "draft-in-composer-en");

  const runId = (await status.getAttribute("data-ai-run-id")) ?? "";
  const { items: before } = await api.v1.connect.listMessages.query({ conversationId, limit: 10 });
  expect(before.map((m) => m.id)).toEqual([messageId]);

  // The composer holds the draft as written: nothing to put back.
  const putBack = status.getByRole("button", { name: "Put the draft in the composer" });
  await expect(putBack).toHaveCount(0);
  await english.fill("Scratch that");
  await putBack.click();
  await expect(english).toHaveValue(DRAFT);
  await expect(putBack).toHaveCount(0);

  await english.focus();
  await page.keyboard.press("Control+End");
  await english.pressSequentially(" Sam from support");
  const sent = `${DRAFT} Sam from support`;
  await expect(english).toHaveValue(sent);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(english).toHaveValue("");
  const stored = page.locator("article[data-message-id]", { hasText: "Sam from support" });
  await expect(stored).toBeVisible();
  await expect(stored.locator(`[data-parent-quote="${messageId}"]`)).toBeVisible();

  const { items } = await api.v1.connect.listMessages.query({ conversationId, limit: 10 });
  expect(items).toHaveLength(2);
  const reply = items.find((m) => m.id !== messageId);
  expect(reply).toMatchObject({ parentId: messageId, content: { en: sent } });
  expect(reply?.sender.type).toBe("member");
  const run = await api.v1.ai.run.query({ id: runId });
  expect(run).toMatchObject({ status: "succeeded", kind: "draft", replyMessageId: null });
  expect(run.output?.texts).toEqual({ en: DRAFT });
});

test("AI assist: a model that refuses the request fails the run; Retry runs it again and it replies", async ({
  page,
}) => {
  const answer =
    "Your parcel is with the courier; the tracking link in your confirmation email shows where it is.";
  model.answer(answer);
  // 401 is not worth another attempt: the run fails at once, as a wrong key would make it.
  model.failNext(1, 401);
  const { conversationId, messageId } = await conversationAsking("Where is my parcel?");
  await page.goto(`/inbox/${conversationId}`);
  await expect(page.locator(`article[data-message-id="${messageId}"]`)).toBeVisible(FIRST_PAINT);
  const row = await askAgent(page, messageId, replyAgent.name);

  const status = row.locator("[data-ai-run-status]");
  await expect(status).toHaveAttribute("data-ai-run-status", "failed", RUN_DONE);
  await expect(status).toHaveRole("alert");
  await expect(status).toContainText(`${replyAgent.name} failed`);
  // What failed, in general terms: the provider's own answer stays in the server's log.
  await expect(status).toContainText("The provider answered 401.");
  await expect(status).not.toContainText("The fake model is down");
  await screenshot(page, "failed-run-en");
  const runId = (await status.getAttribute("data-ai-run-id")) ?? "";
  expect(await api.v1.ai.run.query({ id: runId })).toMatchObject({ status: "failed", attempts: 1 });

  await status.getByRole("button", { name: "Retry" }).click();
  await expect(status).toHaveAttribute("data-ai-run-status", "succeeded", RUN_DONE);
  await expect(status).toContainText(`${replyAgent.name} replied in the thread.`);
  const reply = page.locator('article[data-kind="ai"]', {
    has: page.locator(`[data-parent-quote="${messageId}"]`),
  });
  await expect(reply).toContainText(answer);

  const run = await api.v1.ai.run.query({ id: runId });
  expect(run).toMatchObject({ status: "succeeded", attempts: 1, error: null });
  const { items } = await api.v1.connect.listMessages.query({ conversationId, limit: 10 });
  const posted = items.filter((m) => m.sender.type === "ai");
  expect(posted).toHaveLength(1);
  expect(posted[0]).toMatchObject({ id: run.replyMessageId, parentId: messageId, content: { en: answer } });
});

test.describe("in Arabic", () => {
  test.use({ locale: "ar" });

  test("a streamed draft and a failed run read right to left", async ({ page }) => {
    const draft =
      "شكرًا لانتظارك! يغادر المصباح الجديد مستودعنا خلال يومي عمل، وستصلك رسالة فيها رابط التتبع.";
    model.answer(draft);
    model.pace(60);
    const { conversationId, messageId } = await conversationAsking(
      "وصل المصباح مكسورًا، هل يمكنكم إرسال واحد جديد؟",
      "ar",
    );
    await page.goto(`/inbox/${conversationId}`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    const row = await askAgent(page, messageId, draftAgent, ASSIST_LABELS.ar, "draft");
    const status = row.locator("[data-ai-run-status]");
    await expect(status).toHaveAttribute("data-ai-run-status", "succeeded", RUN_DONE);
    await expect(status).toContainText(`مسودة ${draftAgent} في مربع الكتابة`);
    const composer = page.locator("#composer-panel textarea");
    await expect(composer).toHaveValue(draft);
    await expect(composer).toHaveAttribute("lang", "ar");
    await screenshot(page, "draft-in-composer-ar");

    model.failNext(1, 401);
    await askAgent(page, messageId, replyAgent.name, ASSIST_LABELS.ar);
    await expect(status).toHaveAttribute("data-ai-run-status", "failed", RUN_DONE);
    await expect(status).toContainText(`تعذّر على ${replyAgent.name} الإكمال`);
    await expect(status.getByRole("button", { name: "إعادة المحاولة" })).toBeVisible();
    await screenshot(page, "failed-run-ar");
  });
});

const TRANSLATIONS = {
  Arabic: "نعم، يمكنك تغيير اللون. أخبرنا باللون الذي تريده.",
  Turkish: "Evet, rengi değiştirebilirsiniz. Hangi rengi istediğinizi bize yazın.",
};
const REWRITES = {
  Shorter: { instruction: "Make it shorter", text: "Yes, you can change the colour: tell us which one." },
  Friendlier: {
    instruction: "warmer and friendlier",
    text: "Good news, Maya! You can change the colour; just tell us which one you love.",
  },
  "More formal": {
    instruction: "formal and polite",
    text: "You may change the colour of your order. Please let us know which colour you would prefer.",
  },
};

/** A new conversation whose customer asks about the order's colour, opened with `text` in the English tab. */
async function draftingReply(page: Page, text: string) {
  const asked = await conversationAsking("Can I change the colour of my order?");
  await page.goto(`/inbox/${asked.conversationId}`);
  const english = page.getByRole("textbox", { name: "Message in English" });
  await expect(english).toBeVisible(FIRST_PAINT);
  await english.fill(text);
  return { ...asked, english };
}

// The composer's tools use the workspace's default agent. These tests make this worker's model
// the default and put the built-in agent back afterwards, so they run one after another.
test.describe("composer AI tools", () => {
  test.describe.configure({ mode: "serial" });
  let builtinId: string;
  test.beforeAll(async () => {
    const agents = await api.v1.ai.agents.list.query();
    builtinId = agents.find((agent) => agent.isDefault)?.id ?? "";
    expect(agents.find((agent) => agent.id === builtinId)?.provider).toBe("builtin");
  });
  test.afterAll(async () => {
    if (builtinId) await api.v1.ai.agents.update.mutate({ id: builtinId, isDefault: true });
  });

  test("with the built-in agent: no Translate (it cannot translate); Rewrite replaces the text (with Undo)", async ({
    page,
  }) => {
    const original = "hey, yeah you can totally change the colour, just tell us which one you want!!";
    const { english } = await draftingReply(page, original);

    // Issue 13: a tool the default agent cannot do is not offered (it used to fail when pressed).
    await expect(page.getByRole("button", { name: "Rewrite" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Translate" })).toHaveCount(0);

    // Opened by mistake: a click back in the text closes the menu and changes nothing.
    await page.getByRole("button", { name: "Rewrite" }).click();
    await expect(page.getByRole("menu", { name: "Rewrite" })).toBeVisible();
    await english.click();
    await expect(page.getByRole("menu", { name: "Rewrite" })).toBeHidden();
    await expect(english).toHaveValue(original);

    await page.getByRole("button", { name: "Rewrite" }).click();
    await page.getByRole("menuitem", { name: "More formal" }).click();
    await expect(page.locator('[data-ai-transform="done"]')).toContainText("Rewritten.", RUN_DONE);
    await expect(english).not.toHaveValue(original);
    await page.locator('[data-ai-transform="done"]').getByRole("button", { name: "Undo" }).click();
    await expect(english).toHaveValue(original);
  });

  test("from the keyboard: Escape closes the Rewrite menu onto its button; a finished rewrite puts the caret back in the text", async ({
    page,
  }) => {
    const original = "hey, yeah you can totally change the colour, just tell us which one you want!!";
    const { english } = await draftingReply(page, original);
    const rewrite = page.getByRole("button", { name: "Rewrite" });
    await rewrite.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("menuitem", { name: "Shorter" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menu", { name: "Rewrite" })).toBeHidden();
    await expect(rewrite).toBeFocused();
    await expect(english).toHaveValue(original);

    await openMenuFromKeyboard(page);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("menuitem", { name: "More formal" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator('[data-ai-transform="done"]')).toContainText("Rewritten.", RUN_DONE);
    await expect(english).toBeFocused();
  });

  test("with a model: Translate fills the Arabic and Turkish tabs, and the message is stored in all three", async ({
    page,
  }) => {
    await api.v1.ai.agents.update.mutate({ id: replyAgent.id, isDefault: true });
    model.answer((request) => {
      const system = request.messages.find((m) => m.role === "system")?.content ?? "";
      return system.includes("into Arabic")
        ? TRANSLATIONS.Arabic
        : system.includes("into Turkish")
          ? TRANSLATIONS.Turkish
          : "?";
    });
    const original = "Yes, you can change the colour. Tell us which colour you would like.";
    const { conversationId, messageId, english } = await draftingReply(page, original);
    const requestsBefore = model.requests.length;

    await page.getByRole("button", { name: "Translate" }).click();
    await expect(page.locator('[data-ai-transform="done"]')).toContainText("Translated into", RUN_DONE);
    await expect(page.locator('[data-ai-transform="done"]')).toContainText("Arabic");
    await expect(page.locator('[data-ai-transform="done"]')).toContainText("Turkish");
    await expect(english).toHaveValue(original);
    await page.getByRole("tab", { name: "العربية (Arabic, has text)" }).click();
    await expect(page.getByRole("textbox", { name: "Message in Arabic" })).toHaveValue(TRANSLATIONS.Arabic);
    await page.getByRole("tab", { name: "Türkçe (Turkish, has text)" }).click();
    await expect(page.getByRole("textbox", { name: "Message in Turkish" })).toHaveValue(TRANSLATIONS.Turkish);
    const asked = model.requests.slice(requestsBefore);
    expect(asked).toHaveLength(2);
    for (const request of asked) expect(request.messages.at(-1)?.content).toBe(original);

    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(page.getByRole("textbox", { name: /^Message in/ })).toHaveValue("");
    const { items } = await api.v1.connect.listMessages.query({ conversationId, limit: 10 });
    const sent = items.find((m) => m.id !== messageId);
    expect(sent?.content).toEqual({ en: original, ar: TRANSLATIONS.Arabic, tr: TRANSLATIONS.Turkish });
  });

  for (const [style, rewrite] of Object.entries(REWRITES)) {
    test(`with a model: Rewrite ${style} replaces the text`, async ({ page }) => {
      await api.v1.ai.agents.update.mutate({ id: replyAgent.id, isDefault: true });
      model.answer((request) => {
        const system = request.messages.find((m) => m.role === "system")?.content ?? "";
        return system.includes(rewrite.instruction) ? rewrite.text : "the wrong style was asked for";
      });
      const original = "hey, yeah you can totally change the colour, just tell us which one you want!!";
      const { english } = await draftingReply(page, original);

      await page.getByRole("button", { name: "Rewrite" }).click();
      await page.getByRole("menuitem", { name: style }).click();
      await expect(page.locator('[data-ai-transform="done"]')).toContainText("Rewritten.", RUN_DONE);
      await expect(english).toHaveValue(rewrite.text);
      expect(model.requests.at(-1)?.messages.at(-1)?.content).toBe(original);
    });
  }
});
