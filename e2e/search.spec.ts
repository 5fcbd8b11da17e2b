import { expect, type Page, test } from "@playwright/test";
import { createPlatoClient } from "@/client/plato";
import { seededBulkConversation } from "@/e2e/bulk-conversation";
import type { ConversationStatus } from "@/server/conversations/schemas";
import { E2E_BASE_URL, e2eCredentials } from "./config";
import { seriousViolations } from "./ui";

// The demo owner's API key: what the tests create through it is theirs alone.
const plato = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: e2eCredentials.apiKey });

/** Short, unique across workers and runs, and a single search word. */
function uniqueToken(workerIndex: number): string {
  return `zs${workerIndex}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

async function createConversation(
  name: string,
  text: string,
  status: Exclude<ConversationStatus, "snoozed"> = "open",
) {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.|\.$/g, "");
  const conversation = await plato.v1.conversations.create.mutate({
    customer: { name, email: `${slug}@e2e.example.com`, externalId: `e2e_${slug}` },
    channelIdentifier: "example.com",
  });
  await plato.v1.connect.send.mutate({
    conversationId: conversation.id,
    content: { en: text },
    sender: "customer",
  });
  if (status !== "open") await plato.v1.conversations.update.mutate({ id: conversation.id, status });
  return conversation.id;
}

async function openInbox(page: Page, loading = "Loading conversations…") {
  await page.goto("/inbox");
  await expect(page.getByText(loading)).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator("a[data-conversation-id]").first()).toBeVisible({ timeout: 30_000 });
}

const focusedConversation = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.getAttribute("data-conversation-id") ?? document.activeElement?.id,
  );

test.beforeEach(() => test.slow());

test("a search with hits only under other statuses counts them on the tabs and says where they are", async ({
  page,
}, testInfo) => {
  const token = uniqueToken(testInfo.workerIndex);
  const older = await createConversation(`Done ${token} A`, `Warranty ${token} sorted`, "resolved");
  const newer = await createConversation(`Done ${token} B`, `Refund ${token} sent`, "resolved");
  await createConversation(`Waiting ${token}`, `Waiting on ${token}`, "pending");
  await openInbox(page);
  await expect(page.getByRole("tab", { name: /^Open/ })).toHaveAttribute("aria-selected", "true");

  await page.getByRole("searchbox", { name: "Search conversations" }).fill(token);
  await expect(page.getByText(`No results in Open for “${token}”`)).toBeVisible();
  // While searching, each tab counts the conversations the search finds under it.
  await expect(page.getByTestId("count-open")).toHaveText("0");
  await expect(page.getByTestId("count-pending")).toHaveText("1");
  await expect(page.getByTestId("count-resolved")).toHaveText("2");
  await expect(page.getByRole("tab", { name: /^Resolved\s*2\b/ })).toBeVisible();
  const goResolved = page.getByRole("button", { name: "Resolved (2)" });
  await expect(goResolved).toBeVisible();
  await expect(page.getByRole("button", { name: "Pending (1)" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("search-elsewhere.png") });

  // From the keyboard: to the button, Enter, and the first hit has focus under Resolved.
  await goResolved.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("tab", { name: /^Resolved/ })).toHaveAttribute("aria-selected", "true");
  await expect.poll(() => focusedConversation(page)).toBe(newer);
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => focusedConversation(page)).toBe(older);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/inbox/${older}(?:\\?.*)?$`));

  // Clearing the search brings back the tabs' plain counts.
  await page.getByRole("searchbox", { name: "Search conversations" }).fill("");
  await expect(page.getByTestId("count-resolved")).not.toHaveText("2");
});

test("ArrowDown from the search box moves into the results, ArrowUp back, Enter opens the focused one", async ({
  page,
}, testInfo) => {
  const token = uniqueToken(testInfo.workerIndex);
  const first = await createConversation(`Keys ${token} one`, `Parcel ${token} lost`);
  const second = await createConversation(`Keys ${token} two`, `Parcel ${token} late`);
  await openInbox(page);
  const box = page.getByRole("searchbox", { name: "Search conversations" });
  await box.focus();
  // Typed and moved on at once, before the search box's pause: the focus lands on this search's
  // first hit, not on a row of the list it replaces.
  await page.keyboard.type(token, { delay: 10 });
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => focusedConversation(page)).toBe(second);
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => focusedConversation(page)).toBe(first);
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(box).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => focusedConversation(page)).toBe(second);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/inbox/${second}(?:\\?.*)?$`));
});

test.describe("in Turkish", () => {
  test.use({ locale: "tr" });

  test("the empty search says where the hits are, and folding finds the word without its diacritics", async ({
    page,
  }, testInfo) => {
    const token = uniqueToken(testInfo.workerIndex);
    await createConversation(`Çözüm ${token}`, `Teşekkür ederim ${token}`, "resolved");
    await openInbox(page, "Konuşmalar yükleniyor…");
    await page.getByRole("searchbox", { name: "Konuşmalarda ara" }).fill(`tesekkur ederim ${token}`);
    await expect(page.getByText(`“tesekkur ederim ${token}” için Açık sekmesinde sonuç yok`)).toBeVisible();
    await page.getByRole("button", { name: "Çözüldü (1)" }).click();
    await expect(page.locator("a[data-conversation-id]")).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath("search-tr.png") });
  });
});

test.describe("in Arabic", () => {
  test.use({ locale: "ar" });

  test("the empty search names the statuses with hits", async ({ page }, testInfo) => {
    const token = uniqueToken(testInfo.workerIndex);
    await createConversation(`Layla ${token}`, `المدرسة ${token}`, "pending");
    await openInbox(page, "جارٍ تحميل المحادثات…");
    await page.getByRole("searchbox", { name: "البحث في المحادثات" }).fill(`المدرسه ${token}`);
    await expect(page.getByText(`لا نتائج لـ «المدرسه ${token}» في «مفتوحة»`)).toBeVisible();
    await expect(page.getByRole("button", { name: "معلّقة (1)" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath("search-ar.png") });
  });
});

test.describe("opening a search hit", () => {
  test.describe.configure({ timeout: 150_000 });
  const FIRST_PAINT = { timeout: 60_000 };
  const history = (page: Page) => page.getByRole("region", { name: "Messages" });
  const focusedMessage = (page: Page) =>
    page.evaluate(
      () => document.activeElement?.closest<HTMLElement>("article[data-message-id]")?.dataset.messageId,
    );
  const messageRow = (page: Page, id: string) => history(page).locator(`article[data-message-id="${id}"]`);
  function countHistoryRequests(page: Page) {
    const seen = { around: 0, newest: 0, older: 0, newer: 0 };
    page.on("request", (request) => {
      const url = decodeURIComponent(request.url());
      if (!url.includes("connect.listMessages")) return;
      if (url.includes('"around":"')) seen.around += 1;
      else if (url.includes('"from":"start"')) seen.newer += 1;
      else if (url.includes('"cursor":"')) seen.older += 1;
      else seen.newest += 1;
    });
    return seen;
  }

  test("opens the history at the match, thousands of messages back, marked, and pages both ways from there", async ({
    page,
  }) => {
    // The seeded 2,000-message conversation talks about its first purchase order only at its start.
    const bulk = await seededBulkConversation();
    const start = await plato.v1.connect.listMessages.query({
      conversationId: bulk.id,
      limit: 20,
      from: "start",
    });
    const po = JSON.stringify(start.items.map((m) => m.content)).match(/PO-5\d{4}/)?.[0];
    if (!po) throw new Error("no purchase order in the first messages");
    const hit = (await plato.v1.conversations.list.query({ search: po, limit: 50 })).items.find(
      (c) => c.id === bulk.id,
    );
    const matchId = hit?.matchMessageId;
    if (!matchId) throw new Error(`${po} does not find the bulk conversation's message`);
    const newest = await plato.v1.connect.listMessages.query({ conversationId: bulk.id, limit: 100 });
    expect(newest.items.map((m) => m.id)).not.toContain(matchId);

    const requests = countHistoryRequests(page);
    await openInbox(page);
    await page.getByRole("searchbox", { name: "Search conversations" }).fill(po);
    // The bulk conversation also heads the unfiltered list: wait for the search's own rows.
    const found = await plato.v1.conversations.list.query({ status: "open", search: po });
    await expect(page.locator("a[data-conversation-id]")).toHaveCount(found.items.length);
    const row = page.locator(`a[data-conversation-id="${bulk.id}"]`);
    await expect(row).toBeVisible();
    await row.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/inbox/${bulk.id}(?:\\?.*)?$`));

    // The history shows the hit, marked and described as the search's match, and says so; focus
    // stays on the list's row (j/k go on through the results) until Shift+J enters the history at the hit.
    const match = messageRow(page, matchId);
    await expect(match).toBeInViewport(FIRST_PAINT);
    await expect(match).toHaveAttribute("data-search-match", "");
    await expect(match).toHaveAttribute("tabindex", "0");
    await expect(
      page.getByRole("status").filter({ hasText: "Opened at the message that matches your search." }),
    ).toHaveCount(1);
    await expect(row).toBeFocused();
    await page.keyboard.press("Shift+KeyJ");
    await expect.poll(() => focusedMessage(page)).toBe(matchId);
    await expect(match).toHaveAccessibleDescription("Matches your search");
    await expect(match).toContainText(po);
    await expect(match).toBeInViewport();
    // One page around the hit, not every page in between.
    expect(requests.around).toBe(1);
    expect(requests.newest + requests.older + requests.newer).toBeLessThanOrEqual(2);
    // Newer messages wait behind the jump button; the newest is not shown.
    await expect(page.getByRole("button", { name: "Jump to newest" })).toBeVisible();
    await expect(messageRow(page, newest.items.at(-1)?.id ?? "")).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath("search-hit.png") });

    // Up: older pages load from the hit; down: newer ones, each a page.
    for (let i = 0; i < 8; i++) await page.keyboard.press("PageUp");
    await expect.poll(() => requests.older, FIRST_PAINT).toBeGreaterThan(0);
    await expect(messageRow(page, matchId)).not.toBeInViewport();
    for (let i = 0; i < 30; i++) await page.keyboard.press("PageDown");
    await expect.poll(() => requests.newer, FIRST_PAINT).toBeGreaterThan(0);
    // End goes to the newest message, without the pages in between.
    await page.keyboard.press("End");
    await expect.poll(() => focusedMessage(page), FIRST_PAINT).toBe(newest.items.at(-1)?.id);
    await expect(page.getByRole("button", { name: "Jump to newest" })).toHaveCount(0);
  });

  test("a live message does not land in a history opened far back: Jump to newest shows it", async ({
    page,
  }, testInfo) => {
    const token = uniqueToken(testInfo.workerIndex);
    const id = await createConversation(`Deep ${token}`, `The needle${token} is here`);
    for (let i = 0; i < 130; i++) {
      await plato.v1.connect.send.mutate({ conversationId: id, content: { en: `Filler ${i}` } });
    }
    const [needle] = (
      await plato.v1.connect.listMessages.query({ conversationId: id, limit: 1, from: "start" })
    ).items;
    await openInbox(page);
    await page.getByRole("searchbox", { name: "Search conversations" }).fill(`needle${token}`);
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => focusedConversation(page)).toBe(id);
    await page.keyboard.press("Enter");
    await expect(messageRow(page, needle?.id ?? "")).toBeInViewport(FIRST_PAINT);

    await plato.v1.connect.send.mutate({
      conversationId: id,
      content: { en: `Live ${token}` },
      sender: "customer",
    });
    const jump = page.getByRole("button", { name: "Jump to newest" });
    await expect(jump).toBeVisible();
    // Give the live update time to arrive: it must not be appended after Filler 24.
    await page.waitForTimeout(1_500);
    await expect(history(page).getByText(`Live ${token}`)).toHaveCount(0);
    await jump.click();
    await expect(history(page).getByText(`Live ${token}`)).toBeVisible(FIRST_PAINT);
  });
});

test.describe("opening a search hit in Turkish", () => {
  test.use({ locale: "tr" });

  test("a hit among the newest messages is focused and marked, and live messages still follow", async ({
    page,
  }, testInfo) => {
    const token = uniqueToken(testInfo.workerIndex);
    const id = await createConversation(`Yakın ${token}`, "Merhaba");
    const hit = await plato.v1.connect.send.mutate({
      conversationId: id,
      content: { tr: `Kargo ${token} nerede?` },
    });
    await plato.v1.connect.send.mutate({ conversationId: id, content: { tr: "Kontrol ediyorum" } });
    await openInbox(page, "Konuşmalar yükleniyor…");
    await page.getByRole("searchbox", { name: "Konuşmalarda ara" }).fill(`kargo ${token}`);
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => focusedConversation(page)).toBe(id);
    await page.keyboard.press("Enter");
    const match = page.locator(`article[data-message-id="${hit.id}"]`);
    await expect(match).toHaveAttribute("data-search-match", "", { timeout: 60_000 });
    await expect(match).toHaveAccessibleDescription("Aramanızla eşleşiyor");
    await expect(page.getByText("Konuşma, aramanızla eşleşen mesajda açıldı.")).toHaveCount(1);
    // Tab from the list's row goes on into the conversation; Shift+J lands on the hit.
    await page.keyboard.press("Shift+KeyJ");
    await expect(match).toBeFocused();
    await plato.v1.connect.send.mutate({
      conversationId: id,
      content: { tr: `Canlı ${token}` },
      sender: "customer",
    });
    await expect(page.getByRole("region", { name: "Mesajlar" }).getByText(`Canlı ${token}`)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("search-hit-tr.png") });
  });
});
