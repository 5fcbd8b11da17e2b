import { expect, type Page, test } from "@playwright/test";

// Writes the docs screenshots from the demo data: SCREENSHOTS=1 npx playwright test e2e/i18n-screenshots.spec.ts
test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to refresh docs/screenshots");
test.use({ viewport: { width: 1440, height: 900 } });
test.describe.configure({ timeout: 90_000 });

async function settle(page: Page) {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(500);
}

test.describe("Turkish", () => {
  test.use({ locale: "tr-TR" });

  test("inbox and conversation", async ({ page }) => {
    await page.goto("/inbox");
    await expect(page.locator("a[data-conversation-id]").first()).toBeVisible({ timeout: 30_000 });
    await settle(page);
    await page.screenshot({ path: "docs/screenshots/inbox-tr.png" });

    await page.getByRole("searchbox").fill("Mehmet Öztürk");
    const row = page.locator("a[data-conversation-id]", { hasText: "Mehmet Öztürk" }).first();
    await row.click();
    await expect(page.locator("article[data-message-id]").first()).toBeVisible({ timeout: 30_000 });
    await page.getByRole("searchbox").fill("");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("Shift+KeyK");
    await settle(page);
    await page.screenshot({ path: "docs/screenshots/conversation-tr.png" });
  });
});

test.describe("Arabic", () => {
  test.use({ locale: "ar" });

  test("shortcuts help", async ({ page }) => {
    await page.goto("/inbox");
    await expect(page.locator("a[data-conversation-id]").first()).toBeVisible({ timeout: 30_000 });
    await page.keyboard.press("Shift+Slash");
    await expect(page.getByRole("dialog")).toBeVisible();
    await settle(page);
    await page.screenshot({ path: "docs/screenshots/shortcuts-ar.png" });
  });
});
