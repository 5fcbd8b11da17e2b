import { expect, type Page, test } from "@playwright/test";
import { seededBulkConversation } from "@/e2e/bulk-conversation";
import { seriousViolations } from "@/e2e/ui";

// Read-only journeys on the seeded 2,000-message conversation, so both workers may share it.
const FIRST_PAINT = { timeout: 60_000 };
test.describe.configure({ timeout: 150_000 });

const history = (page: Page) => page.getByRole("region", { name: /^(Messages|الرسائل|Mesajlar)$/ });

/** The focused message: its id, its index in the history, and whether it is wholly in view. */
function focused(page: Page) {
  return history(page).evaluate((scroller) => {
    const row = document.activeElement?.closest<HTMLElement>("article[data-message-id]");
    if (!row || !scroller.contains(row)) return null;
    const box = row.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    return {
      id: row.dataset.messageId ?? "",
      index: Number(row.closest<HTMLElement>("[data-index]")?.dataset.index),
      inView: box.top >= view.top - 1 && box.bottom <= view.bottom + 1,
    };
  });
}

/** How many message rows are wholly in view. */
function rowsInView(page: Page) {
  return history(page).evaluate((scroller) => {
    const view = scroller.getBoundingClientRect();
    return [...scroller.querySelectorAll("article[data-message-id]")].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= view.top && box.bottom <= view.bottom;
    }).length;
  });
}

function watchHistoryRequests(page: Page) {
  const seen = { older: 0, fromStart: 0 };
  page.on("request", (request) => {
    const url = decodeURIComponent(request.url());
    if (!url.includes("connect.listMessages")) return;
    if (url.includes('"from":"start"')) seen.fromStart += 1;
    else if (url.includes('"cursor":"')) seen.older += 1;
  });
  return seen;
}

async function openAtNewest(page: Page, bulk: { id: string; newestId: string }) {
  await page.goto(`/inbox/${bulk.id}`);
  const newest = page.locator(`article[data-message-id="${bulk.newestId}"]`);
  await expect(newest).toBeInViewport(FIRST_PAINT);
  await newest.focus();
}

test("PageUp and PageDown move a visible page; Home opens the first message without the pages between; End the newest", async ({
  page,
}) => {
  const bulk = await seededBulkConversation();
  const requests = watchHistoryRequests(page);
  await openAtNewest(page, bulk);
  const start = await focused(page);
  expect(start?.id).toBe(bulk.newestId);
  const perPage = await rowsInView(page);
  expect(perPage).toBeGreaterThan(1);

  await page.keyboard.press("PageUp");
  await expect.poll(async () => (await focused(page))?.index).toBeLessThan(start?.index ?? 0);
  const up = await focused(page);
  const moved = (start?.index ?? 0) - (up?.index ?? 0);
  expect(moved).toBeGreaterThanOrEqual(perPage - 1);
  expect(moved).toBeLessThanOrEqual(perPage + 1);
  await expect.poll(async () => (await focused(page))?.inView).toBe(true);

  await page.keyboard.press("PageDown");
  await expect.poll(async () => (await focused(page))?.id).toBe(bulk.newestId);

  await page.keyboard.press("Home");
  await expect.poll(async () => (await focused(page))?.id, FIRST_PAINT).toBe(bulk.oldestId);
  await expect.poll(async () => (await focused(page))?.inView).toBe(true);
  await expect(page.getByText("This is the start of the conversation.")).toBeVisible();
  // One page from the start, none of the ~38 pages in between.
  expect(requests.fromStart).toBe(1);
  expect(requests.older).toBe(0);

  // Reading forward from the start loads the next pages on the way.
  for (let i = 0; i < 3; i++) await page.keyboard.press("PageDown");
  await expect.poll(async () => (await focused(page))?.index).toBeGreaterThan(perPage);

  await page.keyboard.press("End");
  await expect.poll(async () => (await focused(page))?.id, FIRST_PAINT).toBe(bulk.newestId);
  await expect.poll(async () => (await focused(page))?.inView).toBe(true);
  expect(requests.older).toBe(0);
});

test("holding ArrowUp while older pages arrive keeps focus on a message", async ({ page }) => {
  // 120 key repeats, each a round trip to the browser (200 took over two minutes once on a loaded
  // 2-core runner). The second older page is asked for about 75 rows up, so two pages land while
  // the key is held, with room to spare.
  test.setTimeout(240_000);
  const bulk = await seededBulkConversation();
  const requests = watchHistoryRequests(page);
  // Older pages arrive a little later, while the key is still held.
  await page.route("**/api/trpc/**", async (route) => {
    if (decodeURIComponent(route.request().url()).includes('"cursor":"'))
      await new Promise((resolve) => setTimeout(resolve, 600));
    await route.continue();
  });
  await openAtNewest(page, bulk);
  await page.evaluate(() => {
    const w = window as unknown as { focusLost: number };
    w.focusLost = 0;
    const check = () => {
      if (!document.activeElement?.closest("article[data-message-id]")) w.focusLost += 1;
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  // A held key: keydown repeats about every 30 ms until the key is released.
  for (let i = 0; i < 120; i++) {
    await page.keyboard.down("ArrowUp");
    await page.waitForTimeout(30);
  }
  await page.keyboard.up("ArrowUp");
  await expect.poll(() => requests.older).toBeGreaterThanOrEqual(2);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { focusLost: number }).focusLost)).toBe(0);
  const end = await focused(page);
  expect(end?.id).toBeTruthy();
  expect(end?.id).not.toBe(bulk.newestId);
});

test.describe("in Arabic", () => {
  test.use({ locale: "ar" });

  test("Home and End work right to left too, and the history opened at its start passes axe", async ({
    page,
  }) => {
    const bulk = await seededBulkConversation();
    await openAtNewest(page, bulk);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await page.keyboard.press("Home");
    await expect.poll(async () => (await focused(page))?.id, FIRST_PAINT).toBe(bulk.oldestId);
    await expect(page.getByText("هذه بداية المحادثة.")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("End");
    await expect.poll(async () => (await focused(page))?.id, FIRST_PAINT).toBe(bulk.newestId);
  });
});
