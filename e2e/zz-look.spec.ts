import { expect, test } from "@playwright/test";
import { seriousViolations } from "./ui";

for (const locale of ["en", "ar", "tr"]) {
  test.describe(`look ${locale}`, () => {
    test.use({ locale, viewport: { width: 1280, height: 800 } });
    test(`inbox ${locale}`, async ({ page }) => {
      await page.goto("/inbox");
      const row = page.locator("a[data-conversation-id]").first();
      await row.click();
      await page.waitForTimeout(2500);
      await page.keyboard.press("Tab");
      await page.screenshot({ path: `/tmp/look-${locale}-skip.png` });
      await page.locator("body").focus();
      await page.keyboard.press("KeyU");
      await page.waitForTimeout(500);
      await page.screenshot({ path: `/tmp/look-${locale}.png` });
      console.log(locale, JSON.stringify(await seriousViolations(page)));
      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    });
  });
}
