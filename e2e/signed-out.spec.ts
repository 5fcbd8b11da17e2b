import { expect, test } from "@playwright/test";
import { e2eCredentials } from "./config";

test("the inbox sends a signed-out visitor to sign in, and back after", async ({ page }) => {
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Finbox/);
  await page.getByLabel("Email").fill(e2eCredentials.email);
  await page.getByLabel("Password").fill(e2eCredentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
});

test("a wrong password is refused with a message and no session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(e2eCredentials.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /do not match/ })).toBeVisible();
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("health answers 200 when the database does", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { ok: true } });
});

// Throttling counts failures per account (and per address only behind a trusted proxy, which
// this server is not), so a fresh email per run keeps the shared e2e account signing in.
for (const { locale, message } of [
  { locale: "en-US", message: /Wait, then try again in 15 min\./ },
  { locale: "ar", message: /انتظر ثم حاول مرة أخرى \(الدقائق المتبقية: 15\)/ },
]) {
  test(`after ten failed sign-ins the next is told to wait (${locale})`, async ({ browser }) => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.locator('input[name="email"]').fill(`throttle-${locale}-${Date.now()}@e2e.connect-inbox.test`);
    await page.locator('input[name="password"]').fill("not-the-password");
    const submit = page.locator('button[type="submit"]');
    const attempt = async () => {
      const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
      await submit.click();
      return (await answered).status();
    };
    for (let i = 0; i < 10; i++) expect(await attempt()).toBe(401);
    expect(await attempt()).toBe(429);
    await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
    await page.screenshot({ path: `test-results/sign-in-throttled-${locale}.png` });
    await context.close();
  });
}
