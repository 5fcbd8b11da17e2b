import { expect, type Page, test } from "@playwright/test";
import { createPlatoClient } from "@/client/plato";
import type { ConversationStatus } from "@/server/conversations/schemas";
import { E2E_BASE_URL, e2eCredentials } from "./config";
import { seriousViolations } from "./ui";

// The demo owner's API key: what the tests create through it is theirs alone.
const plato = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: e2eCredentials.apiKey });

/** Short, unique across workers and runs, and a single search word. */
function uniqueToken(workerIndex: number): string {
  return `zs${workerIndex}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

async function createConversation(name: string, text: string, status: ConversationStatus = "open") {
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
  await expect(page.getByRole("tab", { name: /^Resolved\s*2$/ })).toBeVisible();
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
  await expect(page).toHaveURL(new RegExp(`/inbox/${older}$`));

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
  await expect(page).toHaveURL(new RegExp(`/inbox/${second}$`));
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
