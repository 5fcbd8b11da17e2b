import { type CDPSession, expect, type Page, test } from "@playwright/test";
import { createCustomerConversation, plato } from "@/e2e/customer-conversation";

test.describe.configure({ timeout: 90_000 });

function uniqueToken(workerIndex: number): string {
  return `kb${workerIndex}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

const createConversation = createCustomerConversation;

const focusedMessageId = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.closest<HTMLElement>("article[data-message-id]")?.dataset.messageId,
  );

const composer = (page: Page) => page.locator('form textarea[aria-label^="Message in"]');

/** Waits until the pane has its rows and the composer, so every shortcut has its handler. */
async function openConversation(page: Page, id: string) {
  await page.goto(`/inbox/${id}`);
  await expect(page.locator("article[data-message-id]").first()).toBeVisible({ timeout: 30_000 });
  await expect(composer(page)).toBeVisible();
}

/** Leaves every field, as a click on empty space would, so single-key shortcuts apply. */
async function blur(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function searchFor(page: Page, words: string) {
  await page.keyboard.press("Slash");
  const search = page.getByRole("searchbox", { name: "Search conversations" });
  await expect(search).toBeFocused();
  await page.keyboard.type(words);
  await blur(page);
}

test("j / k / o move through and open conversations; / searches; g then a letter picks a view", async ({
  page,
}, info) => {
  const token = uniqueToken(info.workerIndex);
  const first = await createConversation(`Ada ${token}`, ["first"]);
  const second = await createConversation(`Bo ${token}`, ["second"]);
  await page.goto("/inbox");
  await expect(page.getByRole("list", { name: "Conversation list" })).toBeVisible({ timeout: 30_000 });
  await searchFor(page, token);
  const rows = page.locator("a[data-conversation-id]");
  await expect(rows).toHaveCount(2);
  const [top, bottom] = await rows.evaluateAll((links) =>
    links.map((a) => (a as HTMLElement).dataset.conversationId),
  );
  expect([top, bottom].sort()).toEqual([first.id, second.id].sort());
  await page.keyboard.press("KeyJ");
  await expect(page).toHaveURL(new RegExp(`/inbox/${top}(?:\\?.*)?$`));
  await page.keyboard.press("KeyJ");
  await expect(page).toHaveURL(new RegExp(`/inbox/${bottom}(?:\\?.*)?$`));
  await page.keyboard.press("KeyK");
  await expect(page).toHaveURL(new RegExp(`/inbox/${top}(?:\\?.*)?$`));
  // o opens the row that has focus.
  await rows.nth(1).focus();
  await page.keyboard.press("KeyO");
  await expect(page).toHaveURL(new RegExp(`/inbox/${bottom}(?:\\?.*)?$`));

  const tab = (name: string) => page.getByRole("tab", { name: new RegExp(`^${name}`) });
  const assignee = page.getByRole("combobox", { name: "Filter by assignee" });
  await blur(page);
  await page.keyboard.press("KeyG");
  await page.keyboard.press("KeyR");
  await expect(tab("Resolved")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("KeyG");
  await page.keyboard.press("KeyP");
  await expect(tab("Pending")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("KeyG");
  await page.keyboard.press("KeyO");
  await expect(tab("Open")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("KeyG");
  await page.keyboard.press("KeyM");
  await expect(assignee).toHaveValue("me");
  await page.keyboard.press("KeyG");
  await page.keyboard.press("KeyU");
  await expect(assignee).toHaveValue("unassigned");
  await page.keyboard.press("KeyG");
  await page.keyboard.press("KeyA");
  await expect(assignee).toHaveValue("any");
  // "o" after "g" picked a view, it did not open a conversation.
  await expect(page).toHaveURL(new RegExp(`/inbox/${bottom}(?:\\?.*)?$`));
});

test("Shift+J / Shift+K move focus between messages, visibly; Shift+R replies; Escape steps back", async ({
  page,
}, info) => {
  const token = uniqueToken(info.workerIndex);
  const conversation = await createConversation(`Cem ${token}`, ["one", "two", "three"]);
  // Oldest first, as a page lists them: ids[2] is the newest.
  const ids = (
    await plato.v1.connect.listMessages.query({ conversationId: conversation.id, limit: 10 })
  ).items.map((m) => m.id);
  await openConversation(page, conversation.id);
  await page.keyboard.press("Shift+KeyK");
  expect(await focusedMessageId(page)).toBe(ids[2]);
  await page.keyboard.press("Shift+KeyK");
  expect(await focusedMessageId(page)).toBe(ids[1]);
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement as Element).boxShadow);
  expect(ring).not.toBe("none");
  await page.keyboard.press("Shift+KeyJ");
  expect(await focusedMessageId(page)).toBe(ids[2]);
  await page.keyboard.press("Shift+KeyK");

  await page.keyboard.press("Shift+KeyR");
  await expect(page.locator(`[data-reply-target="${ids[1]}"]`)).toBeVisible();
  await expect(composer(page)).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.locator("[data-reply-target]")).toHaveCount(0);
  await expect(composer(page)).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(composer(page)).not.toBeFocused();
  expect(await focusedMessageId(page)).toBeTruthy();
});

test("composer keys: r, n, Ctrl+Shift+L, t, Shift+U, Ctrl+Enter; j typed in the composer stays text", async ({
  page,
}, info) => {
  const token = uniqueToken(info.workerIndex);
  const conversation = await createConversation(`Deniz ${token}`, ["hello"]);
  await openConversation(page, conversation.id);
  const url = page.url();

  await page.keyboard.press("KeyR");
  await expect(composer(page)).toBeFocused();
  await page.keyboard.type("jk");
  await expect(composer(page)).toHaveValue("jk");
  expect(page.url()).toBe(url);
  await composer(page).fill("");

  await blur(page);
  await page.keyboard.press("KeyN");
  await expect(page.locator("form[data-internal]")).toBeVisible();
  await expect(page.locator("form textarea")).toBeFocused();
  await blur(page);
  await page.keyboard.press("KeyN");
  await expect(page.locator("form[data-internal]")).toHaveCount(0);

  const selectedTab = page.locator('form [role="tab"][aria-selected="true"]');
  await expect(selectedTab).toHaveAttribute("lang", "en");
  await page.keyboard.press("Control+Shift+KeyL");
  await expect(selectedTab).toHaveAttribute("lang", "ar");
  await expect(page.locator('form textarea[lang="ar"]')).toBeFocused();
  await page.keyboard.press("Control+Shift+KeyL");
  await expect(selectedTab).toHaveAttribute("lang", "tr");
  await page.keyboard.press("Control+Shift+KeyL");
  await expect(selectedTab).toHaveAttribute("lang", "en");

  await blur(page);
  await page.keyboard.press("KeyT");
  const templateSearch = page.getByRole("combobox", { name: "Search templates" });
  await expect(templateSearch).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(templateSearch).toHaveCount(0);
  // The picker's field goes away with it: focus goes on in the draft, not to the page.
  await expect(composer(page)).toBeFocused();

  await blur(page);
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Shift+KeyU");
  expect((await chooser).isMultiple()).toBe(true);

  await page.keyboard.press("KeyR");
  await page.keyboard.type(`sent by keyboard ${token}`);
  await page.keyboard.press("Control+Enter");
  await expect(
    page.locator("article[data-message-id]", { hasText: `sent by keyboard ${token}` }),
  ).toBeVisible();
  await expect(composer(page)).toHaveValue("");
  await expect(composer(page)).toBeFocused();

  // From a composer button (not the textarea) the same chord sends through the registry.
  await composer(page).fill(`second ${token}`);
  await page.getByRole("switch", { name: /internal note/i }).focus();
  await page.keyboard.press("Control+Enter");
  await expect(page.locator("article[data-message-id]", { hasText: `second ${token}` })).toBeVisible();

  // A template picked from t's search field lands in the draft, and so does focus.
  await blur(page);
  await page.keyboard.press("KeyT");
  await expect(templateSearch).toBeFocused();
  await page.keyboard.type("greeting");
  await page.keyboard.press("Enter");
  await expect(templateSearch).toHaveCount(0);
  await expect(composer(page)).toHaveValue(/Deniz/);
  await expect(composer(page)).toBeFocused();
});

test("Escape leaves the search: the first empties it, the next puts focus on the list, where o opens", async ({
  page,
}, info) => {
  const token = uniqueToken(info.workerIndex);
  const conversation = await createConversation(`Gul ${token}`, ["hello"]);
  await page.goto("/inbox");
  await expect(page.locator("a[data-conversation-id]").first()).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press("Slash");
  const search = page.getByRole("searchbox", { name: "Search conversations" });
  await expect(search).toBeFocused();
  await page.keyboard.type(token);
  await expect(page.locator("a[data-conversation-id]")).toHaveCount(1);
  await expect(page.locator(`a[data-conversation-id="${conversation.id}"]`)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(search).toHaveValue("");
  await expect(search).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(search).not.toBeFocused();
  const focused = page.locator("a[data-conversation-id]:focus-visible");
  await expect(focused).toHaveCount(1);
  // o types nothing into the search now: it opens the row that has focus.
  const id = await focused.getAttribute("data-conversation-id");
  await page.keyboard.press("KeyO");
  await expect(page).toHaveURL(new RegExp(`/inbox/${id}(?:\\?.*)?$`));
  await expect(search).toHaveValue("");
});

test("i assigns to me; e resolves and moves on with an undo (z); on a resolved one e reopens and stays", async ({
  page,
}, info) => {
  const token = uniqueToken(info.workerIndex);
  const conversation = await createConversation(`Emre ${token}`, ["please help"]);
  await openConversation(page, conversation.id);
  const header = page.getByRole("region", { name: `About Emre ${token}` });
  await expect(header.getByRole("button", { name: "Resolve" })).toBeVisible();
  await page.keyboard.press("Shift+KeyK");
  await page.keyboard.press("KeyI");
  await expect(header.getByRole("combobox", { name: "Assignee" }).locator("option:checked")).toHaveText(
    "Dana Owner (you)",
  );

  await page.keyboard.press("KeyE");
  await expect(page).not.toHaveURL(new RegExp(`/inbox/${conversation.id}(?:\\?.*)?$`));
  const undo = page.getByRole("status").filter({ hasText: `Resolved: Emre ${token}` });
  await expect(undo).toBeVisible();
  await expect
    .poll(async () => (await plato.v1.conversations.get.query({ id: conversation.id })).status)
    .toBe("resolved");
  await page.keyboard.press("KeyZ");
  await expect(page).toHaveURL(new RegExp(`/inbox/${conversation.id}(?:\\?.*)?$`));
  await expect(undo).toHaveCount(0);
  await expect
    .poll(async () => (await plato.v1.conversations.get.query({ id: conversation.id })).status)
    .toBe("open");

  // Resolved elsewhere: E reopens it, and the conversation stays open in front of the member.
  await plato.v1.conversations.update.mutate({ id: conversation.id, status: "resolved" });
  await expect(header.getByRole("button", { name: "Reopen" })).toBeVisible();
  await page.keyboard.press("KeyE");
  await expect(header.getByRole("button", { name: "Resolve" })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/inbox/${conversation.id}(?:\\?.*)?$`));
  await expect
    .poll(async () => (await plato.v1.conversations.get.query({ id: conversation.id })).status)
    .toBe("open");
});

test("? lists every shortcut, Ctrl+K runs an action by name, focus comes back", async ({ page }, info) => {
  const token = uniqueToken(info.workerIndex);
  const conversation = await createConversation(`Fatma ${token}`, ["hi"]);
  await openConversation(page, conversation.id);
  await page.keyboard.press("KeyR");
  await blur(page);
  await page.keyboard.press("Shift+KeyK");
  const message = await focusedMessageId(page);

  await page.keyboard.press("Shift+Slash");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  for (const label of [
    "Next conversation",
    "Reply to the focused message",
    "Assign to me",
    "Go to pending",
    "Mark as unread",
    "Add or remove labels",
    "Snooze",
    "Go to snoozed",
    "Undo the last change",
    "Go to customers",
  ]) {
    await expect(help.getByText(label, { exact: true })).toBeVisible();
  }
  // 39 shortcuts (2 for customers, 4 for picking rows for a bulk change, 2 for snooze, 1 for notifications), and the
  // message history's own keys: arrows, PageUp/PageDown, Home/End.
  await expect(help.locator("dt")).toHaveCount(43);
  await expect(help.getByText("Select all conversations that match", { exact: true })).toBeVisible();
  await expect(help.getByText("A page of messages up or down", { exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);
  expect(await focusedMessageId(page)).toBe(message);

  await page.keyboard.press("Control+KeyK");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette.getByRole("combobox")).toBeFocused();
  await page.keyboard.type("assign to");
  await page.keyboard.press("Enter");
  await expect(palette).toHaveCount(0);
  await expect(
    page.getByRole("main").getByRole("combobox", { name: "Assignee" }).locator("option:checked"),
  ).toHaveText("Dana Owner (you)");
  expect(await focusedMessageId(page)).toBe(message);
});

const ARABIC_LAYOUT: Record<string, string> = {
  KeyJ: "ت",
  KeyK: "ن",
  KeyR: "ق",
  KeyG: "ل",
  KeyM: "ة",
  Slash: "ظ",
};

/** A key as an Arabic (101) layout sends it: the physical code, an Arabic character as key and text. */
async function pressArabic(cdp: CDPSession, code: string, shift = false) {
  const key = shift && code === "Slash" ? "؟" : (ARABIC_LAYOUT[code] ?? code);
  const base = { code, key, modifiers: shift ? 8 : 0 };
  await cdp.send("Input.dispatchKeyEvent", { type: "keyDown", ...base, text: key, unmodifiedText: key });
  await cdp.send("Input.dispatchKeyEvent", { type: "keyUp", ...base });
}

test.describe("Arabic", () => {
  test.use({ locale: "ar" });

  test("on an Arabic keyboard layout the same physical keys work and type nothing", async ({
    page,
  }, info) => {
    const token = uniqueToken(info.workerIndex);
    const first = await createConversation(`Hala ${token}`, ["مرحبا"]);
    const second = await createConversation(`Huda ${token}`, ["أهلا"]);
    const cdp = await page.context().newCDPSession(page);
    await page.goto("/inbox");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("a[data-conversation-id]").first()).toBeVisible({ timeout: 30_000 });

    await pressArabic(cdp, "Slash");
    const search = page.getByRole("searchbox");
    await expect(search).toBeFocused();
    await expect(search).toHaveValue("");
    await page.keyboard.type(token);
    await blur(page);
    await expect(page.locator("a[data-conversation-id]")).toHaveCount(2);
    const [top, bottom] = await page
      .locator("a[data-conversation-id]")
      .evaluateAll((links) => links.map((a) => (a as HTMLElement).dataset.conversationId));
    expect([top, bottom].sort()).toEqual([first.id, second.id].sort());

    await pressArabic(cdp, "KeyJ");
    await expect(page).toHaveURL(new RegExp(`/inbox/${top}(?:\\?.*)?$`));
    await pressArabic(cdp, "KeyJ");
    await expect(page).toHaveURL(new RegExp(`/inbox/${bottom}(?:\\?.*)?$`));
    await pressArabic(cdp, "KeyK");
    await expect(page).toHaveURL(new RegExp(`/inbox/${top}(?:\\?.*)?$`));
    await expect(page.locator("article[data-message-id]").first()).toBeVisible({ timeout: 30_000 });

    await pressArabic(cdp, "KeyR");
    const textarea = page.locator("form textarea");
    await expect(textarea).toBeFocused();
    await expect(textarea).toHaveValue("");
    // In the composer the same key is a letter.
    await pressArabic(cdp, "KeyJ");
    await expect(textarea).toHaveValue("ت");
    await expect(page).toHaveURL(new RegExp(`/inbox/${top}(?:\\?.*)?$`));
    await textarea.fill("");
    await blur(page);

    await pressArabic(cdp, "KeyG");
    await pressArabic(cdp, "KeyM");
    await expect(page.getByRole("combobox", { name: "التصفية حسب المسؤول" })).toHaveValue("me");

    await pressArabic(cdp, "Slash", true);
    const help = page.getByRole("dialog", { name: "اختصارات لوحة المفاتيح" });
    await expect(help).toBeVisible();
    await expect(help.getByText("المحادثة التالية", { exact: true })).toBeVisible();
  });
});

test("with shortcuts turned off single keys do nothing; Ctrl+K and Escape still work", async ({
  page,
}, info) => {
  const token = uniqueToken(info.workerIndex);
  const conversation = await createConversation(`Irmak ${token}`, ["hi"]);
  // Every test signs in as the same owner, so the preference is answered here instead of stored:
  // turning it off for real would turn it off under the tests running beside this one.
  let sent: unknown = null;
  await page.route("**/api/trpc/v1.workspace.updatePreferences**", async (route) => {
    sent = route.request().postDataJSON();
    await route.fulfill({
      contentType: "application/json",
      body: JSON.stringify({ result: { data: { locale: null, shortcutsEnabled: false } } }),
    });
  });
  await openConversation(page, conversation.id);
  const toggle = page.getByRole("checkbox", { name: "Shortcuts" });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(toggle).not.toBeChecked();
  // The box turns off at once; the request that saves it may still be on its way.
  await expect.poll(() => sent).toMatchObject({ shortcutsEnabled: false });
  await blur(page);
  const url = page.url();

  await page.keyboard.press("KeyJ");
  await page.keyboard.press("KeyR");
  await page.keyboard.press("Shift+Slash");
  await page.waitForTimeout(500);
  expect(page.url()).toBe(url);
  await expect(composer(page)).not.toBeFocused();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.keyboard.press("Control+KeyK");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(palette).toHaveCount(0);
});

test("the palette holds actions: mark pending, assign to any member, open a conversation by customer name; nothing it cannot do", async ({
  page,
}, info) => {
  const token = uniqueToken(info.workerIndex);
  const zeynep = await createConversation(`Zeynep ${token}`, ["where is my refund"]);
  const yusuf = await createConversation(`Yusuf ${token}`, ["wrong size"]);
  const elif = (await plato.v1.workspace.members.query()).find((m) => m.name === "Elif Yılmaz");
  if (!elif) throw new Error("the demo workspace has Elif Yılmaz");
  await openConversation(page, zeynep.id);
  await blur(page);
  const palette = page.getByRole("dialog", { name: "Command palette" });
  const run = async (words: string, option: string | RegExp) => {
    await page.keyboard.press("Control+KeyK");
    await expect(palette).toBeVisible();
    await page.keyboard.type(words);
    await expect(palette.getByRole("option", { name: option }).first()).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await page.keyboard.press("Enter");
    await expect(palette).toHaveCount(0);
  };

  await run("Mark pending", "Mark pending");
  await expect
    .poll(async () => (await plato.v1.conversations.get.query({ id: zeynep.id })).status)
    .toBe("pending");
  // A command named so comes before one that only has the word inside ("Resolve or reopen").
  await run("Reopen", /^Reopen/);
  await expect
    .poll(async () => (await plato.v1.conversations.get.query({ id: zeynep.id })).status)
    .toBe("open");
  await run("Mark pending", "Mark pending");
  await expect
    .poll(async () => (await plato.v1.conversations.get.query({ id: zeynep.id })).status)
    .toBe("pending");
  await run("Assign to Elif", "Assign to Elif Yılmaz");
  await expect
    .poll(async () => (await plato.v1.conversations.get.query({ id: zeynep.id })).assignee?.memberId)
    .toBe(elif.memberId);
  await run(`Yusuf ${token}`, new RegExp(`^Open: Yusuf ${token}`));
  await expect(page).toHaveURL(new RegExp(`/inbox/${yusuf.id}(?:\\?.*)?$`));

  // With no conversation open, its actions are not offered at all (not "not available here").
  await page.goto("/inbox");
  await expect(page.getByTestId("signed-in-member")).toHaveText("Dana Owner", { timeout: 30_000 });
  await page.keyboard.press("Control+KeyK");
  await page.keyboard.type("Mark pending");
  await expect(palette.getByText("No command matches.")).toBeVisible();
  await expect(palette.getByRole("option")).toHaveCount(0);
});
