import { expect, type Locator, type Page, test } from "@playwright/test";
import { createPlatoClient } from "@/client/plato";
import { E2E_BASE_URL, e2eCredentials } from "@/e2e/config";
import { mutate, signedUpOwner, signInAs } from "@/e2e/people";
import { seriousViolations } from "@/e2e/ui";
import { type FakeOpenAi, startFakeOpenAi } from "@/server/ai/testing/openai-server";

// Issue 13: the inbox sends nothing the member did not write, look at or confirm.
const api = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: e2eCredentials.apiKey });
const FIRST_PAINT = { timeout: 60_000 };
const RUN_DONE = { timeout: 30_000 };
test.describe.configure({ timeout: 150_000 });

let model: FakeOpenAi;
let replier: { id: string; name: string };
test.beforeAll(async () => {
  model = await startFakeOpenAi();
  const created = await api.v1.ai.agents.create.mutate({
    name: `Direct replier ${test.info().workerIndex}-${Date.now()}`,
    provider: "openai_compatible",
    model: "fake-replier",
    baseUrl: model.baseUrl,
    mode: "reply",
  });
  replier = { id: created.id, name: created.name };
});
test.afterAll(async () => {
  await model?.close();
});

async function conversationAsking(content: { en?: string; ar?: string; tr?: string }) {
  const suffix = `${test.info().workerIndex}-${Date.now()}`;
  const { id: conversationId } = await api.v1.conversations.create.mutate({
    customer: { name: "Derya Aksoy", email: `sends-${suffix}@example.com` },
    subject: `Sends ${suffix}`,
  });
  const message = await api.v1.connect.send.mutate({ conversationId, sender: "customer", content });
  return { conversationId, messageId: message.id };
}

async function messagesOf(conversationId: string) {
  return (await api.v1.connect.listMessages.query({ conversationId, limit: 50 })).items;
}

function textarea(page: Page, language: "English" | "Arabic" | "Turkish") {
  return page.getByRole("textbox", { name: `Message in ${language}` });
}

async function screenshot(page: Page, name: string) {
  const path = test.info().outputPath(`${name}.png`);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path });
  await test.info().attach(name, { path, contentType: "image/png" });
}

/** The row's AI assist button, then the agent by name from its menu, with the mouse. */
async function askFromMenu(row: Locator, agent: string) {
  await row.hover();
  await row.getByRole("button", { name: "AI assist" }).click();
  await row.getByRole("menuitem", { name: agent }).click();
}

test.describe("AI assist", () => {
  test("a reply-mode agent answers the customer only after one confirmation: Escape asks nothing, Enter sends", async ({
    page,
  }) => {
    const answer = "Your parcel left our warehouse this morning; it arrives on Thursday.";
    model.answer(answer);
    const { conversationId, messageId } = await conversationAsking({ en: "Where is my parcel?" });
    await page.goto(`/inbox/${conversationId}`);
    const row = page.locator(`article[data-message-id="${messageId}"]`);
    await expect(row).toBeVisible(FIRST_PAINT);

    await askFromMenu(row, replier.name);
    const confirm = page.getByRole("dialog", { name: `Send ${replier.name}'s reply?` });
    await expect(confirm).toBeVisible();
    await expect(confirm).toContainText(`${replier.name} will send a reply to the customer`);
    await expect(confirm.getByRole("button", { name: "Send reply" })).toBeFocused();
    await screenshot(page, "assist-confirm-en");
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(confirm).toBeHidden();
    await expect(row.getByRole("button", { name: "AI assist" })).toBeFocused();
    expect((await api.v1.ai.runsForConversation.query({ conversationId })).items).toHaveLength(0);

    // From the keyboard: Shift+A on the focused message, the agent from the menu, Enter to send.
    await row.focus();
    await page.keyboard.press("Shift+KeyA");
    const item = row.getByRole("menuitem", { name: replier.name });
    for (let i = 0; i < 30 && !(await item.evaluate((e) => e === document.activeElement)); i++)
      await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(confirm).toBeVisible();
    expect((await api.v1.ai.runsForConversation.query({ conversationId })).items).toHaveLength(0);
    await page.keyboard.press("Enter");
    await expect(confirm).toBeHidden();
    await expect(row.locator("[data-ai-run-status]")).toContainText(
      `${replier.name} replied in the thread.`,
      RUN_DONE,
    );
    const posted = (await messagesOf(conversationId)).filter((m) => m.sender.type === "ai");
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ parentId: messageId, content: { en: answer } });
  });

  test("a reply-mode agent can be asked for a draft instead: its text goes to the composer, nothing to the customer", async ({
    page,
  }) => {
    const draft = "Happy to help: which size would you like instead?";
    model.answer(draft);
    const { conversationId, messageId } = await conversationAsking({ en: "Can I swap the size?" });
    await page.goto(`/inbox/${conversationId}`);
    const row = page.locator(`article[data-message-id="${messageId}"]`);
    await expect(row).toBeVisible(FIRST_PAINT);
    await askFromMenu(row, replier.name);
    await page.getByRole("dialog").getByRole("button", { name: "Draft it for me instead" }).click();
    await expect(textarea(page, "English")).toHaveValue(draft, RUN_DONE);
    const [run] = (await api.v1.ai.runsForConversation.query({ conversationId })).items;
    expect(run).toMatchObject({ kind: "draft", status: "succeeded", replyMessageId: null });
    expect((await messagesOf(conversationId)).filter((m) => m.sender.type === "ai")).toHaveLength(0);
  });

  test("is offered on customers' messages only: not on the team's replies or notes, and Shift+A there does nothing", async ({
    page,
  }) => {
    const { conversationId, messageId } = await conversationAsking({ en: "Is the shop open on Sunday?" });
    const reply = await api.v1.connect.send.mutate({ conversationId, content: { en: "Yes, 10 to 4." } });
    const note = await api.v1.connect.send.mutate({
      conversationId,
      content: { en: "Sunday hours changed last week." },
      flags: ["internal"],
    });
    await page.goto(`/inbox/${conversationId}`);
    const customerRow = page.locator(`article[data-message-id="${messageId}"]`);
    await expect(customerRow).toBeVisible(FIRST_PAINT);
    await expect(customerRow.getByRole("button", { name: "AI assist" })).toHaveCount(1);
    for (const id of [reply.id, note.id]) {
      const row = page.locator(`article[data-message-id="${id}"]`);
      await expect(row.getByRole("button", { name: "Reply" })).toHaveCount(1);
      await expect(row.getByRole("button", { name: "AI assist" })).toHaveCount(0);
      await row.focus();
      await page.keyboard.press("Shift+KeyA");
      await expect(page.getByRole("menu")).toHaveCount(0);
      await expect(page.getByRole("dialog")).toHaveCount(0);
    }
    expect((await api.v1.ai.runsForConversation.query({ conversationId })).items).toHaveLength(0);
  });

  test("the demo's default agent drafts, so asking it from the inbox never posts", async () => {
    const agents = await api.v1.ai.agents.list.query();
    expect(agents.find((agent) => agent.name === "Acme Assistant")).toMatchObject({
      isDefault: true,
      mode: "draft",
    });
  });
});

test("a template fills only the tab being written; Send names the languages and the tab of a placeholder", async ({
  page,
}) => {
  const { conversationId } = await conversationAsking({ en: "My refund has not arrived." });
  await page.goto(`/inbox/${conversationId}`);
  const english = textarea(page, "English");
  await expect(english).toBeVisible(FIRST_PAINT);
  await english.click();
  await english.pressSequentially("/gree");
  await english.press("Enter");
  await expect(english).toHaveValue(/^Hi Derya Aksoy, thanks for reaching out/);
  await expect(page.getByRole("tab", { name: /has text/ })).toHaveCount(1);
  await expect(page.locator("[data-sends-in]")).toHaveCount(0);

  await page.getByRole("tab", { name: /^العربية/ }).click();
  const arabic = textarea(page, "Arabic");
  await arabic.pressSequentially("/refund");
  await arabic.press("Enter");
  await expect(arabic).toHaveValue(/\{\{order\.id\}\}/);
  await expect(page.locator("[data-sends-in]")).toHaveText("Sends in: English, العربية");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("form", { name: "Reply to the customer" }).getByRole("alert")).toHaveText(
    "Fill in {{order.id}} in Arabic before sending.",
  );
  await screenshot(page, "sends-in-en");
  expect((await messagesOf(conversationId)).filter((m) => m.sender.type === "member")).toHaveLength(0);

  await arabic.fill("تمت معالجة استرداد المبلغ.");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.locator("[data-sends-in]")).toHaveCount(0);
  await expect(english).toHaveValue("");
  const sent = (await messagesOf(conversationId)).find((m) => m.sender.type === "member");
  expect(Object.keys(sent?.content ?? {}).sort()).toEqual(["ar", "en"]);
  expect(sent?.content.tr).toBeUndefined();
});

test("the composer's mode and language do not stick: R after a note or Escape is a reply, a send goes back to the customer's language", async ({
  page,
}) => {
  const { conversationId } = await conversationAsking({ ar: "متى يصل طلبي؟" });
  await page.goto(`/inbox/${conversationId}`);
  const noteSwitch = page.getByRole("switch", { name: "Internal note" });
  const selectedTab = page.locator('form [role="tab"][aria-selected="true"]');
  await expect(selectedTab).toHaveAttribute("lang", "ar", FIRST_PAINT);

  // N, then Escape: R is a reply again.
  await page.locator("article[data-message-id]").first().focus();
  await page.keyboard.press("KeyN");
  await expect(noteSwitch).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Escape");
  await expect(page.locator("form textarea")).not.toBeFocused();
  await page.keyboard.press("KeyR");
  await expect(page.locator("form textarea")).toBeFocused();
  await expect(noteSwitch).toHaveAttribute("aria-checked", "false");

  // A note written in English: once it is sent, a reply in Arabic, the customer's language.
  await page.getByRole("tab", { name: /^English/ }).click();
  await noteSwitch.click();
  await textarea(page, "English").fill("Courier says Thursday.");
  await textarea(page, "English").press("Control+Enter");
  await expect(page.locator('article[data-kind="note"]')).toContainText("Courier says Thursday.");
  await expect(noteSwitch).toHaveAttribute("aria-checked", "false");
  await expect(selectedTab).toHaveAttribute("lang", "ar");
});

test("text in another script than its tab is pointed out, and still sends", async ({ page }) => {
  const { conversationId } = await conversationAsking({ en: "Hello?" });
  await page.goto(`/inbox/${conversationId}`);
  const english = textarea(page, "English");
  await expect(english).toBeVisible(FIRST_PAINT);
  await english.fill("Thanks {{customer.name}}, see https://acme.example/help");
  const hint = page.locator("[data-script-hint]");
  await expect(hint).toHaveCount(0);
  await english.fill("شكرًا لتواصلك معنا");
  await expect(hint).toHaveText(
    "This looks like Arabic, but it is in the English tab. Is that the language you mean to send?",
  );
  await expect(english).toHaveAccessibleDescription(/looks like Arabic/);
  await page.getByRole("tab", { name: /^العربية/ }).click();
  await textarea(page, "Arabic").fill("Thanks for writing");
  await expect(hint).toHaveText(
    "There are no Arabic letters in the Arabic tab. Is that the language you mean to send?",
  );
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(english).toHaveValue("");
  const sent = (await messagesOf(conversationId)).find((m) => m.sender.type === "member");
  expect(sent?.content).toEqual({ en: "شكرًا لتواصلك معنا", ar: "Thanks for writing" });
});

test("the language tabs are named by what they show", async ({ page }) => {
  const { conversationId } = await conversationAsking({ en: "Hi" });
  await page.goto(`/inbox/${conversationId}`);
  await expect(textarea(page, "English")).toBeVisible(FIRST_PAINT);
  const tabs = page.getByRole("tablist", { name: "Reply languages" }).getByRole("tab");
  await expect(tabs).toHaveCount(3);
  for (const tab of await tabs.all()) {
    const shown = (await tab.evaluate((e) => e.firstChild?.textContent ?? "")).trim();
    const name = await tab.evaluate((e) => e.textContent ?? "");
    expect(shown.length).toBeGreaterThan(0);
    await expect(tab).toHaveAccessibleName(new RegExp(`^${shown}`));
    expect(name).toContain(shown);
  }
  await expect(page.getByRole("tab", { name: "Türkçe (Turkish)" })).toBeVisible();
  await textarea(page, "English").fill("Hello");
  await expect(page.getByRole("tab", { name: "English (has text)" })).toBeVisible();
});

test("a refused attachment names its kind as a person would, never a MIME type", async ({ page }) => {
  const { conversationId } = await conversationAsking({ en: "Here you go" });
  await page.goto(`/inbox/${conversationId}`);
  await expect(textarea(page, "English")).toBeVisible(FIRST_PAINT);
  const input = page.getByTestId("attach-input");
  const files = [
    { name: "contract.doc", mimeType: "application/msword", buffer: Buffer.from("doc") },
    { name: "clip.mov", mimeType: "video/quicktime", buffer: Buffer.from("mov") },
    { name: "setup.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ") },
    { name: "model.stl", mimeType: "model/stl", buffer: Buffer.from("solid") },
  ];
  for (const file of files) await input.setInputFiles(file);
  const refusals = page.locator('[data-upload-state="refused"]');
  await expect(refusals).toHaveCount(4);
  await expect(refusals.nth(0)).toContainText("“contract.doc” (Word document) can't be attached.");
  await expect(refusals.nth(1)).toContainText("“clip.mov” (video) can't be attached.");
  await expect(refusals.nth(2)).toContainText("“setup.exe” (program) can't be attached.");
  await expect(refusals.nth(3)).toContainText("“model.stl” (STL file) can't be attached.");
  await expect(refusals.nth(0)).toContainText(
    "Allowed: image, PDF document, text file, CSV file, ZIP archive",
  );
  for (const refusal of await refusals.all()) await expect(refusal).not.toContainText(/\w+\/[\w.*+-]+/);
});

test("a reply in a colleague's conversation says whose it is, and goes anyway", async ({ page }) => {
  const { conversationId } = await conversationAsking({ en: "Any news?" });
  const colleague = (await api.v1.members.list.query()).find((m) => m.email !== e2eCredentials.email);
  if (!colleague) throw new Error("the demo workspace has more than one member");
  await api.v1.conversations.update.mutate({ id: conversationId, assigneeId: colleague.memberId });
  await page.goto(`/inbox/${conversationId}`);
  const notice = page.locator("[data-assigned-elsewhere]");
  await expect(notice).toHaveText(`Assigned to ${colleague.name} — your reply goes out anyway.`, FIRST_PAINT);
  await screenshot(page, "assigned-elsewhere-en");
  expect(await seriousViolations(page)).toEqual([]);
  // A note is for the team: nothing to say.
  await page.getByRole("switch", { name: "Internal note" }).click();
  await expect(notice).toHaveCount(0);
  await page.getByRole("switch", { name: "Internal note" }).click();
  await textarea(page, "English").fill("Still on its way.");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(textarea(page, "English")).toHaveValue("");
  expect((await messagesOf(conversationId)).filter((m) => m.sender.type === "member")).toHaveLength(1);
});

test.describe("in a workspace of its own", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("Translate and Rewrite are offered only when the default agent can do them", async ({
    page,
    request,
  }) => {
    const owner = await signedUpOwner(request, test.info().workerIndex, `Tools ${Date.now()}`);
    await signInAs(page, owner.email);
    const conversation = await mutate<{ id: string }>(page.request, "v1.conversations.create", {
      customer: { name: "Ada", email: `ada-${Date.now()}@example.com` },
      subject: "Tools",
    });
    await page.goto(`/inbox/${conversation.id}`);
    await expect(textarea(page, "English")).toBeVisible(FIRST_PAINT);
    const translate = page.getByRole("button", { name: "Translate" });
    const rewrite = page.getByRole("button", { name: "Rewrite" });
    await expect(page.getByRole("button", { name: "Templates" })).toBeVisible();
    await expect(translate).toHaveCount(0);
    await expect(rewrite).toHaveCount(0);

    await mutate(page.request, "v1.ai.agents.create", {
      name: "House helper",
      provider: "builtin",
      isDefault: true,
    });
    await page.reload();
    await expect(rewrite).toBeVisible(FIRST_PAINT);
    await expect(translate).toHaveCount(0);

    await mutate(page.request, "v1.ai.agents.create", {
      name: "Translator",
      provider: "openai_compatible",
      model: "fake",
      baseUrl: model.baseUrl,
      isDefault: true,
    });
    await page.reload();
    await expect(translate).toBeVisible(FIRST_PAINT);
    await expect(rewrite).toBeVisible();
  });
});

test.describe("in Arabic", () => {
  test.use({ locale: "ar" });

  test("the confirmation, the languages line and the notices read right to left", async ({ page }) => {
    const { conversationId, messageId } = await conversationAsking({ ar: "أين طردي؟" });
    const colleague = (await api.v1.members.list.query()).find((m) => m.email !== e2eCredentials.email);
    if (colleague)
      await api.v1.conversations.update.mutate({ id: conversationId, assigneeId: colleague.memberId });
    await page.goto(`/inbox/${conversationId}`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl", FIRST_PAINT);
    const arabic = page.locator('form textarea[lang="ar"]');
    await expect(arabic).toBeVisible(FIRST_PAINT);
    await expect(page.locator("[data-assigned-elsewhere]")).toContainText("مسندة إلى");
    await arabic.fill("Your parcel is on its way");
    await expect(page.locator("[data-script-hint]")).toContainText("لا توجد حروف عربية");
    await page.getByRole("tab", { name: /^English/ }).click();
    await page.locator('form textarea[lang="en"]').fill("On its way");
    await expect(page.locator("[data-sends-in]")).toHaveText("سيُرسل باللغات: English، العربية");
    await screenshot(page, "composer-ar");

    const row = page.locator(`article[data-message-id="${messageId}"]`);
    await row.hover();
    await row.getByRole("button", { name: "مساعدة الذكاء الاصطناعي" }).click();
    await row.getByRole("menuitem", { name: replier.name }).click();
    const confirm = page.getByRole("dialog", { name: `إرسال رد ${replier.name}؟` });
    await expect(confirm).toContainText(`سيرسل ${replier.name} ردًا إلى العميل`);
    await screenshot(page, "assist-confirm-ar");
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(confirm).toBeHidden();
  });
});

test.describe("in Turkish", () => {
  test.use({ locale: "tr" });

  test("the placeholder error and the tabs speak Turkish", async ({ page }) => {
    const { conversationId } = await conversationAsking({ tr: "İadem nerede?" });
    await page.goto(`/inbox/${conversationId}`);
    const turkish = page.locator('form textarea[lang="tr"]');
    await expect(turkish).toBeVisible(FIRST_PAINT);
    await turkish.click();
    await turkish.pressSequentially("/refund");
    await turkish.press("Enter");
    await expect(turkish).toHaveValue(/\{\{order\.id\}\}/);
    await expect(page.getByRole("tab", { name: /^Türkçe/ })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("tab", { name: /metin var/ })).toHaveCount(1);
    await page.locator('form button[type="submit"]').click();
    await expect(page.locator("form [role=alert]")).toContainText("{{order.id}} (Türkçe sekmesinde)");
    await screenshot(page, "placeholder-tr");
  });
});
