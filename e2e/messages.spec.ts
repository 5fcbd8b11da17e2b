import { expect, type Locator, type Page, test } from "@playwright/test";
import { createPlatoClient } from "@/client/plato";
import { seededBulkConversation } from "@/e2e/bulk-conversation";
import { E2E_BASE_URL, e2eCredentials } from "@/e2e/config";

// Read-only journeys on the seeded 2,000-message conversation, so both workers may share it.
const api = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: e2eCredentials.apiKey });
// A cold page on a busy 2-core machine can take well over expect's default 7 s to show its first rows.
const FIRST_PAINT = { timeout: 60_000 };
test.describe.configure({ timeout: 150_000 });

function history(page: Page): Locator {
  return page.getByRole("region", { name: "Messages" });
}

/** The first message row wholly inside the scroller. */
async function rowInView(page: Page): Promise<string> {
  const id = await history(page).evaluate((scroller) => {
    const top = scroller.getBoundingClientRect().top;
    const rows = [...scroller.querySelectorAll<HTMLElement>("article[data-message-id]")];
    return rows.find((row) => row.getBoundingClientRect().top >= top + 60)?.dataset.messageId;
  });
  if (!id) throw new Error("no message row in view");
  return id;
}

const olderPageRequest = (url: string) =>
  url.includes("connect.listMessages") && /"cursor":"/.test(decodeURIComponent(url));

test("opens at the newest message; loading older pages leaves the row being read in place", async ({
  page,
}) => {
  const bulk = await seededBulkConversation();
  let releaseOlder: () => void = () => {};
  const olderHeld = new Promise<void>((resolve) => {
    releaseOlder = resolve;
  });
  let olderRequests = 0;
  await page.route("**/api/trpc/**", async (route) => {
    if (olderPageRequest(route.request().url())) {
      olderRequests += 1;
      await olderHeld;
    }
    await route.continue();
  });

  await page.goto(`/inbox/${bulk.id}`);
  await expect(page.locator(`article[data-message-id="${bulk.newestId}"]`)).toBeInViewport(FIRST_PAINT);
  await expect(page.getByRole("button", { name: "Jump to newest" })).toBeHidden();

  await history(page).evaluate((scroller) => {
    scroller.scrollTop = 500;
  });
  await expect.poll(() => olderRequests).toBe(1);
  await expect(page.getByText("Loading earlier messages…")).toBeVisible();
  // The agent is still scrolling up when the older page lands: one more step back, then scroll
  // events keep coming with the position unchanged, so the row being read may only move by a jump.
  await history(page).evaluate((scroller) => {
    scroller.scrollTop -= 2;
    const timer = window.setInterval(() => scroller.dispatchEvent(new Event("scroll")), 20);
    (window as Window & { endGesture?: () => void }).endGesture = () => window.clearInterval(timer);
  });
  const reading = page.locator(`article[data-message-id="${await rowInView(page)}"]`);
  const before = await reading.boundingBox();
  const rowsBefore = await history(page).evaluate((s) => s.scrollHeight);

  releaseOlder();
  await expect.poll(() => history(page).evaluate((s) => s.scrollHeight)).toBeGreaterThan(rowsBefore + 1000);
  await expect(page.getByText("Loading earlier messages…")).toBeHidden();
  const after = await reading.boundingBox();
  await page.evaluate(() => (window as Window & { endGesture?: () => void }).endGesture?.());
  expect(before).not.toBeNull();
  expect(Math.abs((after?.y ?? 0) - (before?.y ?? 0))).toBeLessThanOrEqual(1);

  const jump = page.getByRole("button", { name: "Jump to newest" });
  await expect(jump).toBeVisible();
  await jump.click();
  await expect(page.locator(`article[data-message-id="${bulk.newestId}"]`)).toBeInViewport();
  await expect(jump).toBeHidden();
});

test("scrolling far back through 2,000 messages keeps the number of rows in the page bounded", async ({
  page,
}) => {
  const bulk = await seededBulkConversation();
  await page.goto(`/inbox/${bulk.id}`);
  await expect(page.locator(`article[data-message-id="${bulk.newestId}"]`)).toBeInViewport(FIRST_PAINT);
  const seen = new Set<string>();
  for (let step = 0; step < 25; step += 1) {
    await history(page).evaluate((scroller) => {
      scroller.scrollTop = Math.max(scroller.scrollTop - 2500, 0);
    });
    await page.waitForTimeout(120);
    const ids = await page
      .locator("article[data-message-id]")
      .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.messageId ?? ""));
    for (const id of ids) seen.add(id);
    expect(ids.length).toBeGreaterThan(3);
    expect(ids.length).toBeLessThanOrEqual(40);
  }
  // The rows came from several pages, so scrolling really went back in time.
  expect(seen.size).toBeGreaterThan(200);
});

test("a message shows the viewer's locale, switches to its others, each as text in its own direction", async ({
  page,
}) => {
  const suffix = `${test.info().workerIndex}-${Date.now()}`;
  const { id: conversationId } = await api.v1.conversations.create.mutate({
    customer: { name: "Nour Haddad", email: `locales-${suffix}@example.com` },
    subject: `Locales ${suffix}`,
  });
  const message = await api.v1.connect.send.mutate({
    conversationId,
    sender: "customer",
    content: {
      ar: "وصلني الطلب رقم 4471 ناقصًا قطعتين.\nهل يمكنكم إرسالهما؟",
      en: "Order 4471 arrived two pieces short.\nCan you send them?",
      tr: { order: 4471, missing: 2, note: "İki parça eksik" },
    },
  });
  await page.goto(`/inbox/${conversationId}`);
  const row = page.locator(`article[data-message-id="${message.id}"]`);
  await expect(row.locator('p[lang="en"]')).toHaveText(
    "Order 4471 arrived two pieces short.\nCan you send them?",
    FIRST_PAINT,
  );
  await expect(row.locator('p[lang="en"]')).toHaveCSS("white-space", "pre-wrap");

  await row.getByRole("button", { name: "Show in Arabic" }).click();
  await expect(row.locator('p[lang="ar"]')).toHaveAttribute("dir", "rtl");
  await expect(row.locator('p[lang="ar"]')).toHaveCSS("unicode-bidi", "plaintext");

  await row.getByRole("button", { name: "Show in Turkish" }).click();
  const structured = row.locator('pre[lang="tr"]');
  await expect(structured).toContainText('"note": "İki parça eksik"');
  await expect(row).not.toContainText("[object Object]");
  expect(await row.locator("script, iframe").count()).toBe(0);
});
