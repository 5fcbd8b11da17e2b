import { expect, type Page } from "@playwright/test";
import { e2eCredentials } from "./config";

/** A demo agent who shares the owner's seeded password; journeys that end all of someone's sessions use her. */
export const ELIF_EMAIL = "elif@demo.connect-inbox.test";

/**
 * Signs in with a session of this page's own, for journeys that end it: the shared signed-in
 * state (auth.setup.ts) must outlive every other test.
 */
export async function signInFresh(
  page: Page,
  options: { callbackUrl?: string; email?: string } = {},
): Promise<void> {
  const { callbackUrl, email = e2eCredentials.email } = options;
  await page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  // By the fields' names, not their labels: the page is in the browser's language.
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(e2eCredentials.password);
  await page.locator('button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
