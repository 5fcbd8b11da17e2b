import { expect, type Page, test } from "@playwright/test";
import { createPlatoClient } from "@/client/plato";
import { E2E_BASE_URL, e2eCredentials } from "@/e2e/config";

const api = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: e2eCredentials.apiKey });
// A cold page on a loaded machine can take most of a minute to show its first rows.
const FIRST_PAINT = { timeout: 60_000 };
const RUN_DONE = { timeout: 30_000 };
test.describe.configure({ timeout: 180_000 });

/** An agent that always fails at once: the variable holding its key is not set on the server. */
let offlineAgent: string;
test.beforeAll(async () => {
  offlineAgent = `Offline model ${test.info().workerIndex}-${Date.now()}`;
  await api.v1.ai.agents.create.mutate({
    name: offlineAgent,
    provider: "openai_compatible",
    model: "offline-model",
    baseUrl: "http://127.0.0.1:9/v1",
    apiKeyEnv: "E2E_UNSET_API_KEY",
    mode: "reply",
  });
});

async function conversationAsking(question: string) {
  const suffix = `${test.info().workerIndex}-${Date.now()}`;
  const { id: conversationId } = await api.v1.conversations.create.mutate({
    customer: { name: "Maya Lindqvist", email: `ai-${suffix}@example.com` },
    subject: `AI assist ${suffix}`,
  });
  const message = await api.v1.connect.send.mutate({
    conversationId,
    sender: "customer",
    content: { en: question },
  });
  return { conversationId, messageId: message.id };
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

async function askAgent(page: Page, messageId: string, agent: string) {
  const row = page.locator(`article[data-message-id="${messageId}"]`);
  await expect(row).toBeVisible(FIRST_PAINT);
  await row.hover();
  await row.getByRole("button", { name: "AI assist" }).click();
  await row.getByRole("menu", { name: "Choose an AI agent" }).getByRole("menuitem", { name: agent }).click();
  return row;
}

test("AI assist: the built-in agent's answer appears live as a threaded AI reply", async ({ page }) => {
  const { conversationId, messageId } = await conversationAsking(
    "Hi, my order shipped last week. When will my refund for the returned lamp reach my card?",
  );
  await page.goto(`/inbox/${conversationId}`);
  await expect(page.locator(`article[data-message-id="${messageId}"]`)).toBeVisible(FIRST_PAINT);
  const states = await recordRunStates(page, messageId);
  const row = await askAgent(page, messageId, "Acme Assistant");

  const status = row.locator("[data-ai-run-status]");
  await expect(status).toHaveAttribute("data-ai-run-status", "succeeded", RUN_DONE);
  await expect(status).toContainText("Acme Assistant replied in the thread.");
  const seen = await states();
  expect(seen.at(-1)).toBe("succeeded");
  expect(seen).toContain("queued");

  const reply = page.locator('article[data-kind="ai"]', {
    has: page.locator(`[data-parent-quote="${messageId}"]`),
  });
  await expect(reply).toBeVisible();
  await expect(reply).toContainText("Acme Assistant");
  await expect(reply.locator(`[data-parent-quote="${messageId}"]`)).toContainText("Maya Lindqvist");
  const { items } = await api.v1.connect.listMessages.query({ conversationId, limit: 5 });
  const posted = items.find((m) => m.sender.type === "ai");
  expect(posted?.parentId).toBe(messageId);
  expect(posted?.sender.name).toBe("Acme Assistant");
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
  await expect(status).toContainText("E2E_UNSET_API_KEY is not set on the server");
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

test("composer: Rewrite replaces the text (with Undo); Translate's error keeps the text", async ({
  page,
}) => {
  const { conversationId } = await conversationAsking("Can I change the colour of my order?");
  await page.goto(`/inbox/${conversationId}`);
  const english = page.getByRole("textbox", { name: "Message in English" });
  await expect(english).toBeVisible(FIRST_PAINT);
  const original = "hey, yeah you can totally change the colour, just tell us which one you want!!";
  await english.fill(original);

  await page.getByRole("button", { name: "Translate" }).click();
  const problem = page.locator('[data-ai-transform="failed"]');
  await expect(problem).toContainText("not supported by the built-in agent");
  await expect(problem).toContainText("Your text is kept.");
  await expect(english).toHaveValue(original);

  await page.getByRole("button", { name: "Rewrite" }).click();
  await page.getByRole("menuitem", { name: "More formal" }).click();
  await expect(page.locator('[data-ai-transform="done"]')).toContainText("Rewritten.", RUN_DONE);
  await expect(english).not.toHaveValue(original);
  await page.locator('[data-ai-transform="done"]').getByRole("button", { name: "Undo" }).click();
  await expect(english).toHaveValue(original);
});
