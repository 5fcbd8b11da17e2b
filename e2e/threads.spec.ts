import { expect, test } from "@playwright/test";
import { createPlatoClient } from "@/client/plato";
import { E2E_BASE_URL, e2eCredentials } from "@/e2e/config";

const api = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: e2eCredentials.apiKey });
// A cold page on a busy 2-core machine can take well over expect's default 7 s to show its first rows.
const FIRST_PAINT = { timeout: 60_000 };
test.describe.configure({ timeout: 150_000 });

/** A conversation whose first message is older than the first page (50) the pane loads. */
async function conversationWithOldRoot() {
  const suffix = `${test.info().workerIndex}-${Date.now()}`;
  const { id: conversationId } = await api.v1.conversations.create.mutate({
    customer: { name: "Khalid Al-Otaibi", email: `threads-${suffix}@example.com` },
    subject: `Threads ${suffix}`,
  });
  const root = await api.v1.connect.send.mutate({
    conversationId,
    sender: "customer",
    content: {
      ar: "هل يمكن تغيير عنوان التوصيل للطلب 4471؟",
      en: "Can the delivery address of order 4471 change?",
    },
  });
  for (let i = 1; i <= 60; i += 1) {
    await api.v1.connect.send.mutate({
      conversationId,
      sender: i % 2 ? "customer" : undefined,
      content: { en: `Filler ${i}` },
    });
  }
  const reply = await api.v1.connect.send.mutate({
    conversationId,
    content: { en: "Yes — the address is changed to 14 Harbour Street." },
    parentId: root.id,
  });
  return { conversationId, root, reply };
}

test("a reply's quote takes the agent to its parent, loading older history until it is there", async ({
  page,
}) => {
  const { conversationId, root, reply } = await conversationWithOldRoot();
  await page.goto(`/inbox/${conversationId}`);
  const replyRow = page.locator(`article[data-message-id="${reply.id}"]`);
  await expect(replyRow).toBeInViewport(FIRST_PAINT);
  const rootRow = page.locator(`article[data-message-id="${root.id}"]`);
  await expect(rootRow).toHaveCount(0);

  // The highlight lasts two seconds: record it as it happens rather than race it.
  await page.getByRole("region", { name: "Messages" }).evaluate((scroller) => {
    const seen: string[] = [];
    (window as Window & { highlightedRows?: string[] }).highlightedRows = seen;
    const note = (node: Node) => {
      if (!(node instanceof HTMLElement)) return;
      const rows = [node, ...node.querySelectorAll<HTMLElement>("[data-highlighted]")];
      for (const row of rows)
        if (row.hasAttribute("data-highlighted")) seen.push(row.dataset.messageId ?? "");
    };
    new MutationObserver((changes) => {
      for (const change of changes) {
        note(change.target);
        for (const added of change.addedNodes) note(added);
      }
    }).observe(scroller, { subtree: true, childList: true, attributeFilter: ["data-highlighted"] });
  });
  await replyRow.locator(`[data-parent-quote="${root.id}"]`).click();
  await expect(rootRow).toBeInViewport();
  await expect(rootRow).toBeFocused();
  await expect
    .poll(() => page.evaluate(() => (window as Window & { highlightedRows?: string[] }).highlightedRows))
    .toContain(root.id);
  await expect(rootRow).not.toHaveAttribute("data-highlighted", { timeout: 10_000 });
});

test("replying from a message sends its parentId, and the thread view lists the message with its replies", async ({
  page,
}) => {
  const { conversationId, root, reply } = await conversationWithOldRoot();
  await page.goto(`/inbox/${conversationId}`);
  const filler = page.locator("article").filter({ has: page.locator("p", { hasText: /^Filler 59$/ }) });
  await filler.hover();
  const fillerId = await filler.getAttribute("data-message-id");
  await filler.getByRole("button", { name: "Reply" }).click();
  await expect(page.getByText("Replying to Khalid Al-Otaibi")).toBeVisible();
  const english = page.getByRole("textbox", { name: "Message in English" });
  await expect(english).toBeFocused();
  await english.fill("Answering filler 59 in its thread.");
  await english.press("Control+Enter");

  const sent = page.locator("article", { hasText: "Answering filler 59" });
  await expect(sent.locator("[data-parent-quote]")).toContainText("Filler 59");
  await expect(sent).not.toHaveAttribute("data-pending");
  const { items } = await api.v1.connect.listMessages.query({ conversationId, limit: 5 });
  expect(items.find((m) => m.content.en === "Answering filler 59 in its thread.")?.parentId).toBe(fillerId);

  await page.locator(`article[data-message-id="${reply.id}"]`).hover();
  await page
    .locator(`article[data-message-id="${reply.id}"]`)
    .getByRole("button", { name: "View thread" })
    .click();
  const thread = page.getByRole("complementary", { name: "Thread" });
  await expect(thread.locator("[data-thread-message-id]")).toHaveCount(2);
  await expect(thread.locator(`[data-thread-message-id="${root.id}"]`)).toContainText(
    "Can the delivery address",
  );
  await expect(thread.locator(`[data-thread-message-id="${reply.id}"]`)).toContainText("14 Harbour Street");
  await page.keyboard.press("Escape");
  await expect(thread).toBeHidden();
});
