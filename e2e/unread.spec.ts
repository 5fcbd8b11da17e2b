import { expect, type Page, test } from "@playwright/test";
import { createPlatoClient } from "@/client/plato";
import { E2E_BASE_URL, e2eCredentials } from "./config";
import { conversationsOnOwnChannel } from "./customer-conversation";
import { seriousViolations } from "./ui";

// The demo owner's API key: what the tests create through it is theirs alone.
const plato = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: e2eCredentials.apiKey });

test.beforeEach(() => test.slow());

const rowOf = (page: Page, id: string) => page.locator(`a[data-conversation-id="${id}"]`);

test("unread tells the truth: j/k pass by, a moment's look reads, U marks unread, only the customer makes it unread; the tabs and the title count", async ({
  page,
}, testInfo) => {
  const token = `ur${testInfo.workerIndex}${Date.now().toString(36)}`;
  // Created oldest first: the list shows Cem, Berk, Ada.
  const { channel, conversations } = await conversationsOnOwnChannel(token, ["Ada", "Berk", "Cem"]);
  const [ada, berk, cem] = conversations;
  if (!ada || !berk || !cem) throw new Error("three conversations");

  await page.goto("/inbox");
  await page.getByRole("combobox", { name: "Filter by channel" }).selectOption(channel.id);
  await expect(rowOf(page, cem.id)).toHaveAttribute("data-unread", "true");
  await expect(page.getByTestId("unread-open")).toContainText("3 unread");
  await expect(page).toHaveTitle(/^\(3\) Inbox/);

  // j, j, j in quick succession: Cem and Berk are passed by, Ada is looked at for a moment.
  await page.locator("body").focus();
  // Pressed without waiting for each page: on a loaded machine a wait between them could itself
  // last the moment that reads a conversation.
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(page).toHaveURL(new RegExp(`/inbox/${ada.id}(?:\\?.*)?$`));
  await expect(rowOf(page, ada.id)).toHaveAttribute("data-unread", "false", { timeout: 5_000 });
  await expect(rowOf(page, cem.id)).toHaveAttribute("data-unread", "true");
  await expect(rowOf(page, berk.id)).toHaveAttribute("data-unread", "true");
  await expect(page.getByTestId("unread-open")).toContainText("2 unread");
  await expect(page).toHaveTitle(/^\(2\) Inbox/);

  // U: unread again, and it stays so while the member keeps it open.
  await page.keyboard.press("u");
  await expect(rowOf(page, ada.id)).toHaveAttribute("data-unread", "true");
  await expect(page.getByTestId("unread-open")).toContainText("3 unread");
  await page.waitForTimeout(2_500);
  await expect(rowOf(page, ada.id)).toHaveAttribute("data-unread", "true");

  // Cem, opened for a moment, is read; then a member's reply (from elsewhere) leaves it read,
  // and the customer's next message makes it unread again, live.
  await page.keyboard.press("k");
  await page.keyboard.press("k");
  await expect(page).toHaveURL(new RegExp(`/inbox/${cem.id}(?:\\?.*)?$`));
  await expect(rowOf(page, cem.id)).toHaveAttribute("data-unread", "false", { timeout: 5_000 });
  await page.keyboard.press("j");
  await expect(page).toHaveURL(new RegExp(`/inbox/${berk.id}(?:\\?.*)?$`));
  await plato.v1.connect.send.mutate({ conversationId: cem.id, content: { en: `We are on it ${token}` } });
  await expect(rowOf(page, cem.id)).toContainText(`We are on it ${token}`);
  await expect(rowOf(page, cem.id)).toHaveAttribute("data-unread", "false");
  await plato.v1.connect.send.mutate({
    conversationId: cem.id,
    content: { en: `Any news ${token}?` },
    sender: "customer",
  });
  await expect(rowOf(page, cem.id)).toContainText(`Any news ${token}?`);
  await expect(rowOf(page, cem.id)).toHaveAttribute("data-unread", "true");

  // The row's own button and the palette mark a read conversation unread too.
  await expect(rowOf(page, berk.id)).toHaveAttribute("data-unread", "false", { timeout: 5_000 });
  await rowOf(page, berk.id).hover();
  await page.getByRole("button", { name: `Mark as unread: Berk ${token}` }).click();
  await expect(rowOf(page, berk.id)).toHaveAttribute("data-unread", "true");
  await page.keyboard.press("Control+k");
  await page.keyboard.type("Mark as unread");
  const option = page.getByRole("option", { name: /^Mark as unread/ });
  await expect(option).toBeVisible();
  await expect(option).not.toHaveAttribute("aria-disabled", "true");
  await page.keyboard.press("Escape");

  expect(await seriousViolations(page)).toEqual([]);
});

test("the list's filters and search live in the address: reload, a conversation and Back keep them", async ({
  page,
}, testInfo) => {
  const token = `uf${testInfo.workerIndex}${Date.now().toString(36)}`;
  const { conversations } = await conversationsOnOwnChannel(token, ["Deniz"]);
  const [deniz] = conversations;
  if (!deniz) throw new Error("one conversation");
  await plato.v1.conversations.update.mutate({ id: deniz.id, status: "pending" });

  await page.goto("/inbox");
  await page.getByRole("tab", { name: /^Pending/ }).click();
  await page.getByRole("searchbox", { name: "Search conversations" }).fill(token);
  await expect(page).toHaveURL(new RegExp(`/inbox\\?status=pending&q=${token}$`));
  await expect(rowOf(page, deniz.id)).toBeVisible();

  await page.reload();
  await expect(page.getByRole("tab", { name: /^Pending/ })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("searchbox", { name: "Search conversations" })).toHaveValue(token);
  await rowOf(page, deniz.id).click();
  await expect(page).toHaveURL(new RegExp(`/inbox/${deniz.id}\\?status=pending&q=${token}$`));

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/inbox\\?status=pending&q=${token}$`));
  await expect(page.getByRole("tab", { name: /^Pending/ })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("searchbox", { name: "Search conversations" })).toHaveValue(token);
  await expect(rowOf(page, deniz.id)).toBeVisible();
});

test("the active row stays in view when a reply moves it to the top of the list", async ({
  page,
}, testInfo) => {
  const token = `uv${testInfo.workerIndex}${Date.now().toString(36)}`;
  const { channel, conversations } = await conversationsOnOwnChannel(token, [
    "Ali",
    "Bora",
    "Can",
    "Dilek",
    "Ece",
    "Filiz",
    "Gul",
    "Hakan",
    "Irmak",
    "Jale",
    "Kaan",
    "Lale",
  ]);
  const oldest = conversations[0];
  if (!oldest) throw new Error("twelve conversations");
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto("/inbox");
  await page.getByRole("combobox", { name: "Filter by channel" }).selectOption(channel.id);
  const row = rowOf(page, oldest.id);
  await row.scrollIntoViewIfNeeded();
  await row.click();
  await expect(page).toHaveURL(new RegExp(`/inbox/${oldest.id}(?:\\?.*)?$`));
  const textarea = page.locator("form textarea");
  await textarea.fill(`On its way ${token}`);
  await page.keyboard.press("Control+Enter");
  // The reply moved it to the top: the list scrolled along, and the row is still in sight.
  await expect(page.locator("a[data-conversation-id]").first()).toHaveAttribute(
    "data-conversation-id",
    oldest.id,
  );
  await expect(row).toBeInViewport();
});
