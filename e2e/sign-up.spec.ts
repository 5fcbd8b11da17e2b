import { expect, test } from "@playwright/test";
import { PEOPLE_PASSWORD, signedUpOwner, uniqueEmail } from "@/e2e/people";
import { seriousViolations, tabTo } from "@/e2e/ui";

test.describe.configure({ timeout: 180_000 });
test.use({ storageState: { cookies: [], origins: [] } });
const FIRST_PAINT = { timeout: 30_000 };

test("a taken address is refused beside the email field, whatever its case", async ({
  page,
  playwright,
}, info) => {
  const api = await playwright.request.newContext();
  const existing = await signedUpOwner(api, info.workerIndex, "Taken");
  await api.dispose();
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Copycat");
  await page.getByLabel("Email").fill(` ${existing.email.toUpperCase()} `);
  await page.getByLabel("Password").fill(PEOPLE_PASSWORD);
  await page.getByLabel("Workspace name").fill("Copy");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(
    page.getByText("An account with this email address already exists. Sign in instead."),
  ).toBeVisible();
  await expect(page.getByLabel("Email")).toBeFocused();
  await expect(page).toHaveURL(/\/sign-up$/);
});

for (const locale of ["en", "ar", "tr"] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test("sign-up is axe-clean and works from the keyboard alone", async ({ page }, info) => {
      await page.goto("/sign-in");
      await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
      await page.locator('a[href="/sign-up"]').focus();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/sign-up$/);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator('input[name="name"]')).toBeFocused();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.type(`Keyboard ${locale}`);
      await page.keyboard.press("Tab");
      await page.keyboard.type(uniqueEmail(`kb-${locale}`, info.workerIndex));
      await page.keyboard.press("Tab");
      await page.keyboard.type("short");
      await page.keyboard.press("Tab");
      await page.keyboard.type(
        locale === "ar" ? "فريق الدعم" : locale === "tr" ? "Destek Ekibi" : "Support team",
      );
      await page.keyboard.press("Enter");
      // The refused field gets focus, with its message read with it.
      await expect(page.locator('input[name="password"]')).toBeFocused();
      await expect(page.locator('input[name="password"]')).toHaveAttribute("aria-invalid", "true");
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: info.outputPath(`sign-up-${locale}.png`), fullPage: true });
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.type(PEOPLE_PASSWORD);
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/inbox/, FIRST_PAINT);
    });
  });
}

test("the sign-in page offers sign-up, and sign-up leads back to sign-in", async ({ page }) => {
  await page.goto("/sign-up");
  const signIn = page.getByRole("link", { name: "Sign in" });
  await tabTo(page, signIn);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("link", { name: "Create an account" })).toBeVisible();
});
