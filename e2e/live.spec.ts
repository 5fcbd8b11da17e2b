import { expect, type Page, type Request, test } from "@playwright/test";
import { createPlatoClient } from "@/client/plato";
import { E2E_BASE_URL, e2eCredentials } from "./config";

// The demo owner's API key; the browser is signed in as the same owner.
const plato = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: e2eCredentials.apiKey });

/** Short, unique across workers and runs, and a single word. */
function uniqueToken(workerIndex: number): string {
  return `lv${workerIndex}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

async function openLiveInbox(page: Page, conversationId: string) {
  await page.goto(`/inbox/${conversationId}`);
  // The stream listens before it reports started: from here on nothing is missed. Not what is
  // timed here, so the page gets its time to load.
  await expect(page.getByTestId("live-announcements")).toHaveAttribute("data-live", "connected", {
    timeout: 30_000,
  });
}

test("a message and a status change made through the API show in the open inbox without a reload", async ({
  page,
}, testInfo) => {
  const token = uniqueToken(testInfo.workerIndex);
  const customer = `Live ${token}`;
  const conversation = await plato.v1.conversations.create.mutate({
    customer: { name: customer, email: `${token}@e2e.example.com` },
    channelIdentifier: "example.com",
    subject: `Live ${token}`,
  });
  await plato.v1.connect.send.mutate({
    conversationId: conversation.id,
    sender: "customer",
    content: { en: `First ${token}` },
  });
  await openLiveInbox(page, conversation.id);
  const list = page.getByRole("navigation", { name: "Conversations" });
  const row = list.locator(`[data-conversation-id="${conversation.id}"]`);
  const history = page.getByRole("main");
  await expect(history.getByText(`First ${token}`)).toBeVisible();
  await expect(row).toContainText(`First ${token}`);

  const text = `Arrived live ${token}`;
  await plato.v1.connect.send.mutate({
    conversationId: conversation.id,
    sender: "customer",
    content: { en: text },
  });
  await Promise.all([
    expect(history.getByText(text)).toBeVisible({ timeout: 1_000 }),
    expect(row).toContainText(text, { timeout: 1_000 }),
  ]);
  await expect(page.getByTestId("live-announcements")).toHaveText(`New message from ${customer}`);

  await plato.v1.conversations.update.mutate({ id: conversation.id, status: "pending" });
  // The conversation header shows the new status.
  await expect(page.getByRole("main").locator('[data-status="pending"]')).toBeVisible({ timeout: 2_000 });
  // The list shows open conversations: the row leaves it.
  await expect(row).toHaveCount(0, { timeout: 2_000 });
});

test("moving between conversations keeps one live stream open, and nothing is missed", async ({
  page,
}, testInfo) => {
  const token = uniqueToken(testInfo.workerIndex);
  const [first, second] = await Promise.all(
    ["a", "b"].map(async (suffix) => {
      const conversation = await plato.v1.conversations.create.mutate({
        customer: { name: `Live ${token}${suffix}`, email: `${token}${suffix}@e2e.example.com` },
        channelIdentifier: "example.com",
        subject: `Live ${token}${suffix}`,
      });
      await plato.v1.connect.send.mutate({
        conversationId: conversation.id,
        sender: "customer",
        content: { en: `Hello ${token}${suffix}` },
      });
      return conversation;
    }),
  );
  if (!first || !second) throw new Error("two conversations");
  let open = 0;
  let mostOpen = 0;
  const isStream = (url: string) => new URL(url).pathname === "/api/live";
  page.on("request", (request) => {
    if (!isStream(request.url())) return;
    open += 1;
    mostOpen = Math.max(mostOpen, open);
  });
  const settled = (request: Request) => {
    if (isStream(request.url())) open -= 1;
  };
  page.on("requestfinished", settled);
  page.on("requestfailed", settled);

  await openLiveInbox(page, first.id);
  await page.locator(`a[data-conversation-id="${second.id}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/inbox/${second.id}(?:\\?.*)?$`));
  await expect(page.getByTestId("live-announcements")).toHaveAttribute("data-live", "connected", {
    timeout: 30_000,
  });
  await plato.v1.connect.send.mutate({
    conversationId: second.id,
    sender: "customer",
    content: { en: `Again ${token}` },
  });
  await expect(page.getByTestId("live-announcements")).toHaveText(`New message from Live ${token}b`, {
    timeout: 1_000,
  });
  expect(mostOpen).toBe(1);
});
