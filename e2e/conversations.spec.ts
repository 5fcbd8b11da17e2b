import { expect, type Locator, type Page, type Request, test } from "@playwright/test";
import { createPlatoClient } from "@/client/plato";
import type { MessageContent } from "@/server/connect/schemas";
import { E2E_BASE_URL, e2eCredentials } from "./config";

// The demo owner's API key: what the tests create through it is theirs alone.
const plato = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: e2eCredentials.apiKey });

/** Short, unique across workers and runs, and a single search word. */
function uniqueToken(workerIndex: number): string {
  return `zq${workerIndex}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

/** A conversation with one customer message (so it is unread for the owner), on the Website channel. */
async function createConversation(name: string, content: MessageContent) {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, ".");
  const conversation = await plato.v1.conversations.create.mutate({
    customer: { name, email: `${slug}@e2e.example.com`, externalId: `e2e_${slug}` },
    channelIdentifier: "example.com",
    subject: `About ${name}`,
  });
  await plato.v1.connect.send.mutate({ conversationId: conversation.id, content, sender: "customer" });
  return conversation;
}

function conversationList(page: Page): Locator {
  return page.getByRole("list", { name: "Conversation list" });
}

function rowOf(page: Page, conversationId: string): Locator {
  return conversationList(page).locator(`a[data-conversation-id="${conversationId}"]`);
}

function detailsPanel(page: Page): Locator {
  return page.getByRole("complementary", { name: "Details" });
}

// Every journey boots a cold page and makes its own data over HTTP. On the shared two-CPU
// machines a cold boot alone has taken 20 s, so the tests get the tripled timeout.
test.beforeEach(() => test.slow());

/** Opens the inbox and waits out the cold start, so later steps are timed on interaction alone. */
async function openInbox(page: Page, path = "/inbox", loading = "Loading conversations…") {
  await page.goto(path);
  await expect(page.getByText(loading)).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId("signed-in-member")).toHaveText("Dana Owner", { timeout: 30_000 });
}

async function search(page: Page, words: string) {
  await page.getByRole("searchbox", { name: "Search conversations" }).fill(words);
}

test("status tabs count and filter by assignee and by channel", async ({ page }) => {
  const members = await plato.v1.workspace.members.query();
  const elif = members.find((member) => member.name === "Elif Yılmaz");
  const email = (await plato.v1.workspace.channels.query()).find((channel) => channel.name === "Email");
  if (!elif || !email) throw new Error("the demo workspace has Elif Yılmaz and an Email channel");
  // Nothing else in these tests assigns to Elif or writes to the Email channel, so these stay put.
  const elifCounts = await plato.v1.conversations.counts.query({ assignee: elif.memberId });
  const emailCounts = await plato.v1.conversations.counts.query({ channelId: email.id });
  expect(elifCounts.open + elifCounts.pending + elifCounts.resolved).toBeGreaterThan(0);

  await openInbox(page);
  await page.getByRole("combobox", { name: "Filter by assignee" }).selectOption({ label: "Elif Yılmaz" });
  for (const [status, label] of [
    ["open", "Open"],
    ["pending", "Pending"],
    ["resolved", "Resolved"],
  ] as const) {
    await expect(page.getByTestId(`count-${status}`)).toHaveText(String(elifCounts[status]));
    const tab = page.getByRole("tab", { name: new RegExp(`^${label}`) });
    await tab.click();
    await expect(tab).toHaveAttribute("aria-selected", "true");
    const rows = conversationList(page).getByRole("link");
    if (elifCounts[status] === 0) {
      await expect(page.getByText("No conversations here")).toBeVisible();
      continue;
    }
    const every = <T>(value: T) => Array.from({ length: elifCounts[status] }, () => value);
    await expect(rows.locator("[data-status]")).toHaveText(every(label));
    await expect(rows).toContainText(every("Elif Yılmaz"));
  }

  await page.getByRole("combobox", { name: "Filter by assignee" }).selectOption({ label: "Everyone" });
  await page.getByRole("combobox", { name: "Filter by channel" }).selectOption({ label: "Email" });
  await expect(page.getByTestId("count-open")).toHaveText(String(emailCounts.open));
  await expect(page.getByTestId("count-resolved")).toHaveText(String(emailCounts.resolved));
  await page.getByRole("tab", { name: /^Open/ }).click();
  const emailRows = conversationList(page).getByRole("link");
  await expect(emailRows).toContainText(Array.from({ length: emailCounts.open }, () => "Email"));
});

test("search runs on the server and folds Turkish İ and Arabic hamza", async ({ page }, testInfo) => {
  const token = uniqueToken(testInfo.workerIndex);
  const conversation = await createConversation(`Arama ${token}`, {
    tr: `Merhaba, iade ${token} hâlâ görünmüyor.`,
    ar: `أريد ${token} استرجاع المبلغ`,
  });
  await openInbox(page);

  await search(page, `İADE ${token}`);
  await expect(rowOf(page, conversation.id)).toBeVisible();
  await expect(conversationList(page).getByRole("link")).toHaveCount(1);
  // While searching, the tabs count the search's hits under each status.
  await expect(page.getByTestId("count-open")).toHaveText("1");
  await expect(page.getByTestId("count-resolved")).toHaveText("0");

  await search(page, `اريد ${token}`);
  await expect(rowOf(page, conversation.id)).toBeVisible();

  // The demo's Turkish refund conversations, written "iade", found by "İade".
  await search(page, "İade");
  await expect(conversationList(page).getByRole("link").first()).toBeVisible();
  await page.getByRole("tab", { name: /^Resolved/ }).click();
  await expect(conversationList(page).getByRole("link").first()).toBeVisible();

  await search(page, `nothing${token}`);
  await expect(page.getByText(`No results for “nothing${token}”`)).toBeVisible();

  await search(page, "");
  await expect(page.getByTestId("count-open")).toBeVisible();
});

test("opening an unread conversation for a moment clears its unread marker for good", async ({
  page,
}, testInfo) => {
  const token = uniqueToken(testInfo.workerIndex);
  const conversation = await createConversation(`Opened ${token}`, { en: `Is anyone there? ${token}` });
  await openInbox(page);
  await search(page, token);
  const row = rowOf(page, conversation.id);
  await expect(row).toHaveAttribute("data-unread", "true");
  await expect(row).toContainText("Unread");

  await row.click();
  await expect(page).toHaveURL(new RegExp(`/inbox/${conversation.id}(?:\\?.*)?$`));
  await expect(row).toHaveAttribute("aria-current", "page");
  await expect(row).toHaveAttribute("data-unread", "false");
  await expect(row).not.toContainText("Unread");

  // The server kept it: a fresh load of the plain inbox shows it read.
  await openInbox(page);
  await search(page, token);
  await expect(rowOf(page, conversation.id)).toHaveAttribute("data-unread", "false");
  await expect(rowOf(page, conversation.id)).not.toHaveAttribute("aria-current");
});

/** The conversation header above the history: its status and assignee controls. */
function headerOf(page: Page, subject: string): Locator {
  return page.getByRole("region", { name: subject });
}

test("resolve, reopen and mark pending from the header show in the list and the tabs", async ({
  page,
}, testInfo) => {
  const token = uniqueToken(testInfo.workerIndex);
  const conversation = await createConversation(`Resolve ${token}`, { en: `My parcel ${token} is late` });
  await openInbox(page, `/inbox/${conversation.id}`);
  await search(page, token);
  const header = headerOf(page, `About Resolve ${token}`);
  await expect(header).toContainText(`Resolve ${token}`);
  await expect(detailsPanel(page).getByRole("heading", { name: `Resolve ${token}` })).toBeVisible();
  await expect(header.locator("[data-status]")).toHaveText("Open");
  await expect(rowOf(page, conversation.id).locator("[data-status]")).toHaveText("Open");

  // Resolving moves on (nothing else matches the search: back to the list) with an undo.
  await expect(conversationList(page).getByRole("link")).toHaveCount(1);
  await header.getByRole("button", { name: "Resolve" }).click();
  await expect(page).toHaveURL(/\/inbox(\?.*)?$/);
  await expect(page.getByRole("status").filter({ hasText: `Resolved: Resolve ${token}` })).toBeVisible();
  // It leaves the Open tab and shows under Resolved.
  await expect(rowOf(page, conversation.id)).toHaveCount(0);
  await page.getByRole("tab", { name: /^Resolved/ }).click();
  await expect(rowOf(page, conversation.id).locator("[data-status]")).toHaveText("Resolved");
  expect((await plato.v1.conversations.get.query({ id: conversation.id })).status).toBe("resolved");

  await rowOf(page, conversation.id).click();
  await header.getByRole("button", { name: "Reopen" }).click();
  await expect(header.locator("[data-status]")).toHaveText("Open");
  await expect(page).toHaveURL(new RegExp(`/inbox/${conversation.id}(?:\\?.*)?$`));
  await expect(rowOf(page, conversation.id)).toHaveCount(0);
  await page.getByRole("tab", { name: /^Open/ }).click();
  await expect(rowOf(page, conversation.id).locator("[data-status]")).toHaveText("Open");

  await header.getByRole("button", { name: "Mark pending" }).click();
  await expect(header.locator("[data-status]")).toHaveText("Pending");
  await page.getByRole("tab", { name: /^Pending/ }).click();
  await expect(rowOf(page, conversation.id).locator("[data-status]")).toHaveText("Pending");
  expect((await plato.v1.conversations.get.query({ id: conversation.id })).status).toBe("pending");
});

test("assign to me, to a colleague and unassign from the header show in the list", async ({
  page,
}, testInfo) => {
  const token = uniqueToken(testInfo.workerIndex);
  const conversation = await createConversation(`Assign ${token}`, { en: `Who can help ${token}?` });
  await openInbox(page, `/inbox/${conversation.id}`);
  await search(page, token);
  const assignee = headerOf(page, `About Assign ${token}`).getByRole("combobox", { name: "Assignee" });
  const row = rowOf(page, conversation.id);
  await expect(assignee).toHaveValue("");

  await assignee.selectOption({ label: "Dana Owner (you)" });
  await expect(assignee.locator("option:checked")).toHaveText("Dana Owner (you)");
  await expect(row).toContainText("Dana Owner");
  await page.getByRole("combobox", { name: "Filter by assignee" }).selectOption({ label: "Mine" });
  await expect(row).toBeVisible();

  await assignee.selectOption({ label: "Omar Haddad" });
  await expect(row).toHaveCount(0);
  await page.getByRole("combobox", { name: "Filter by assignee" }).selectOption({ label: "Omar Haddad" });
  await expect(row).toContainText("Omar Haddad");
  expect((await plato.v1.conversations.get.query({ id: conversation.id })).assignee?.name).toBe(
    "Omar Haddad",
  );

  await assignee.selectOption({ label: "Unassigned" });
  await expect(assignee).toHaveValue("");
  await expect(row).toHaveCount(0);
  await page.getByRole("combobox", { name: "Filter by assignee" }).selectOption({ label: "Unassigned" });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText("Omar Haddad");
  expect((await plato.v1.conversations.get.query({ id: conversation.id })).assignee).toBeNull();
});

test("previews show in their own language and direction, and any JSON as readable text", async ({
  page,
}, testInfo) => {
  const token = uniqueToken(testInfo.workerIndex);
  const arabic = await createConversation(`Arabic ${token}`, { ar: `مرحبًا، طلبي ${token} لم يصل بعد` });
  const both = await createConversation(`Both ${token}`, {
    en: `Hello, order ${token} is late`,
    ar: `مرحبًا، الطلب ${token} متأخر`,
  });
  const card = await createConversation(`Card ${token}`, {
    en: { type: "order", items: [{ sku: "A-1", qty: 2 }], note: `<b>${token}</b>` },
  });
  await openInbox(page);
  await search(page, token);

  const arabicPreview = rowOf(page, arabic.id).locator("[lang]");
  await expect(arabicPreview).toHaveAttribute("dir", "rtl");
  await expect(arabicPreview).toHaveAttribute("lang", "ar");
  await expect(arabicPreview).toHaveText(`مرحبًا، طلبي ${token} لم يصل بعد`);

  const bothPreview = rowOf(page, both.id).locator("[lang]");
  await expect(bothPreview).toHaveAttribute("lang", "en");
  await expect(bothPreview).toHaveAttribute("dir", "ltr");

  const cardRow = rowOf(page, card.id);
  // PostgreSQL's jsonb keeps its own key order, so the pairs are checked one by one.
  const cardPreview = cardRow.locator("[lang]");
  for (const pair of ["type: order", "sku: A-1", "qty: 2", `note: <b>${token}</b>`]) {
    await expect(cardPreview).toContainText(pair);
  }
  await expect(cardRow).not.toContainText("[object Object]");
  await expect(cardRow.locator("b")).toHaveCount(0);
});

test.describe("with an Arabic browser", () => {
  test.use({ locale: "ar" });

  test("the UI mirrors and a message written in both languages previews in Arabic", async ({
    page,
  }, testInfo) => {
    const token = uniqueToken(testInfo.workerIndex);
    const both = await createConversation(`Both ${token}`, {
      en: `Hello, order ${token} is late`,
      ar: `مرحبًا، الطلب ${token} متأخر`,
    });
    await openInbox(page, "/inbox", "جارٍ تحميل المحادثات…");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await page.getByRole("searchbox", { name: "البحث في المحادثات" }).fill(token);
    const preview = page.locator(`a[data-conversation-id="${both.id}"] [lang]`);
    await expect(preview).toHaveAttribute("lang", "ar");
    await expect(preview).toHaveAttribute("dir", "rtl");
    await expect(preview).toHaveText(`مرحبًا، الطلب ${token} متأخر`);
    await expect(page.getByRole("tab", { name: /^مفتوحة/ })).toHaveAttribute("aria-selected", "true");
  });
});

test("the list keeps a bounded number of rows and loads further pages on scroll", async ({
  page,
}, testInfo) => {
  const token = uniqueToken(testInfo.workerIndex);
  const total = 45;
  const created: string[] = [];
  for (let index = 0; index < total; index++) {
    const name = `Page ${token} ${String(index).padStart(2, "0")}`;
    created.push((await createConversation(name, { en: `Message ${index} ${token}` })).id);
  }
  await openInbox(page);
  await search(page, token);
  const list = conversationList(page);
  await expect(list.getByRole("link").first()).toBeVisible();

  const seen = new Set<string>();
  const scroller = page.locator("#conversation-list-panel");
  for (let step = 0; step < 40 && seen.size < total; step++) {
    const ids = await list
      .locator("a[data-conversation-id]")
      .evaluateAll((links) => links.map((link) => link.getAttribute("data-conversation-id") ?? ""));
    expect(ids.length).toBeLessThan(30);
    for (const id of ids) seen.add(id);
    await scroller.evaluate((element) => element.scrollBy(0, 400));
    await page.waitForTimeout(100);
  }
  expect([...seen].sort()).toEqual([...created].sort());
  // Newest activity first: the last one created is at the top.
  await scroller.evaluate((element) => element.scrollTo(0, 0));
  await expect(list.getByRole("link").first()).toHaveAttribute("data-conversation-id", created.at(-1) ?? "");
});

test("filters and the scroll position stay when a conversation opens", async ({ page }) => {
  await openInbox(page);
  await page.getByRole("tab", { name: /^Pending/ }).click();
  await page.getByRole("combobox", { name: "Filter by channel" }).selectOption({ label: "Email" });
  await expect(page.locator("#conversation-list-panel")).toHaveAttribute("aria-busy", "false");
  const rows = conversationList(page).getByRole("link");
  await expect(rows.nth(6)).toBeVisible();
  const scroller = page.locator("#conversation-list-panel");
  await scroller.evaluate((element) => element.scrollTo(0, 120));
  const row = rows.nth(3);
  const id = await row.getAttribute("data-conversation-id");
  await row.click();
  await expect(page).toHaveURL(new RegExp(`/inbox/${id}(?:\\?.*)?$`));
  await expect(conversationList(page).locator('[aria-current="page"]')).toHaveAttribute(
    "data-conversation-id",
    id ?? "",
  );
  await expect(page.getByRole("tab", { name: /^Pending/ })).toHaveAttribute("aria-selected", "true");
  await expect(
    page.getByRole("combobox", { name: "Filter by channel" }).locator("option:checked"),
  ).toHaveText("Email");
  const scrollTop = await scroller.evaluate((element) => element.scrollTop);
  expect(Math.abs(scrollTop - 120)).toBeLessThanOrEqual(4);
});

test("arrow keys move between conversations in the list", async ({ page }) => {
  await openInbox(page);
  const rows = conversationList(page).getByRole("link");
  await expect(rows.nth(2)).toBeVisible();
  await rows.first().focus();
  await page.keyboard.press("ArrowDown");
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(rows.nth(1)).toBeFocused();
  const id = await rows.nth(1).getAttribute("data-conversation-id");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/inbox/${id}(?:\\?.*)?$`));
  // Focus comes back to the opened row, so the keyboard carries on from there.
  await expect(rowOf(page, id ?? "")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(rows.nth(2)).toBeFocused();
});

test("shortcuts: j and k open the next and previous conversation, g r shows resolved, / searches", async ({
  page,
}) => {
  await openInbox(page);
  const rows = conversationList(page).getByRole("link");
  await expect(rows.nth(1)).toBeVisible();
  const [first, second] = await rows.evaluateAll((links) =>
    links.slice(0, 2).map((link) => link.getAttribute("data-conversation-id") ?? ""),
  );
  await page.keyboard.press("j");
  await expect(page).toHaveURL(new RegExp(`/inbox/${first}(?:\\?.*)?$`));
  await expect(conversationList(page).locator('[aria-current="page"]')).toHaveAttribute(
    "data-conversation-id",
    first ?? "",
  );
  await page.keyboard.press("j");
  await expect(page).toHaveURL(new RegExp(`/inbox/${second}(?:\\?.*)?$`));
  await page.keyboard.press("k");
  await expect(page).toHaveURL(new RegExp(`/inbox/${first}(?:\\?.*)?$`));

  await page.keyboard.press("g");
  await page.keyboard.press("r");
  await expect(page.getByRole("tab", { name: /^Resolved/ })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: "Search conversations" })).toBeFocused();
});

test("j pressed twice before the page redraws opens the second conversation, not the first again", async ({
  page,
}) => {
  await openInbox(page);
  await expect(conversationList(page).getByRole("link").nth(1)).toBeVisible();
  // Both key presses in one task, so React cannot re-render between them (as on a busy machine).
  const ids = await page.evaluate(() => {
    const rows = [...document.querySelectorAll<HTMLElement>("a[data-conversation-id]")];
    const press = () =>
      window.dispatchEvent(new KeyboardEvent("keydown", { key: "j", code: "KeyJ", bubbles: true }));
    press();
    press();
    return rows.slice(0, 2).map((row) => row.dataset.conversationId ?? "");
  });
  await expect(page).toHaveURL(new RegExp(`/inbox/${ids[1]}(?:\\?.*)?$`));
  await expect(conversationList(page).locator('[aria-current="page"]')).toHaveAttribute(
    "data-conversation-id",
    ids[1] ?? "",
  );
});

test("resolving moves the conversation between the tab counts at once, before the server's counts come back", async ({
  page,
}, testInfo) => {
  const token = uniqueToken(testInfo.workerIndex);
  const conversation = await createConversation(`Counts ${token}`, { en: `Where is ${token}?` });
  // Every request for the counts, from the first: one already on its way when they are held
  // would still land (other workers' conversations move the server's counts).
  const isCounts = (url: string) => new URL(url).pathname.includes("conversations.counts");
  const requests = { started: 0, ended: 0 };
  page.on("request", (request) => {
    if (isCounts(request.url())) requests.started += 1;
  });
  const ended = (request: Request) => {
    if (isCounts(request.url())) requests.ended += 1;
  };
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);
  await openInbox(page, `/inbox/${conversation.id}`);
  const header = headerOf(page, `About Counts ${token}`);
  await expect(header.getByRole("button", { name: "Resolve" })).toBeVisible();
  const count = async (status: string) => Number(await page.getByTestId(`count-${status}`).textContent());
  await expect(page.getByTestId("count-open")).toHaveText(/^\d+$/);
  // From here the server's counts never arrive (other workers' changes cannot move them either).
  let held = 0;
  await page.route(
    (url) => isCounts(url.href),
    async () => {
      held += 1;
    },
  );
  // The ones sent before the hold have landed, and what they said is on the page.
  await expect.poll(() => requests.started - requests.ended - held).toBe(0);
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  const open = await count("open");
  const resolved = await count("resolved");

  await header.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByTestId("count-open")).toHaveText(String(open - 1));
  await expect(page.getByTestId("count-resolved")).toHaveText(String(resolved + 1));
  await expect.poll(() => held).toBeGreaterThan(0);
  expect((await plato.v1.conversations.get.query({ id: conversation.id })).status).toBe("resolved");
});
