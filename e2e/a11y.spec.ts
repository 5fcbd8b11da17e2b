import { expect, test } from "@playwright/test";
import { seededBulkConversation } from "@/e2e/bulk-conversation";
import { seriousViolations } from "@/e2e/ui";

// axe takes tens of seconds a page on a busy machine.
test.describe.configure({ timeout: 240_000 });

for (const locale of ["en", "ar"] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test.describe("signed out", () => {
      test.use({ storageState: { cookies: [], origins: [] } });
      test("sign-in has no serious or critical axe violation", async ({ page }) => {
        await page.goto("/sign-in");
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.getByRole("button")).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });
    });

    test("inbox has no serious or critical axe violation", async ({ page }) => {
      await page.goto("/inbox");
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator("a[data-conversation-id]").first()).toBeVisible({ timeout: 30_000 });
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("settings have no serious or critical axe violation, with a new key and the agent form shown", async ({
      page,
    }, info) => {
      await page.goto("/settings/api-keys");
      await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
      await expect(page.locator("table")).toBeVisible({ timeout: 30_000 });
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator("form input").first().fill(`axe ${locale} ${info.workerIndex} ${Date.now()}`);
      await page.keyboard.press("Enter");
      await expect(page.locator("[data-new-api-key]")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto("/settings/ai-agents");
      await expect(page.locator("tbody tr").first()).toBeVisible({ timeout: 30_000 });
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator("tbody tr").first().getByRole("button").first().click();
      await expect(page.getByRole("dialog").locator("form")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("conversation has no serious or critical axe violation, with the help overlay open too", async ({
      page,
    }) => {
      await page.goto(`/inbox/${(await seededBulkConversation()).id}`);
      await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
      await expect(page.locator("article[data-message-id]").first()).toBeVisible({ timeout: 30_000 });
      await expect(page.locator("form textarea")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press("Shift+Slash");
      // The list of shortcuts loads when the help first opens: check it, not the empty frame.
      await expect(page.getByRole("dialog").locator("dt").first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
