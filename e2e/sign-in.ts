import { expect, type Page } from "@playwright/test";
import { e2eCredentials } from "./config";

/**
 * Signs the demo owner in with a session of this page's own, for journeys that end it: the
 * shared signed-in state (auth.setup.ts) must outlive every other test.
 */
export async function signInFresh(page: Page, callbackUrl?: string): Promise<void> {
  await page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  await page.getByLabel("Email").fill(e2eCredentials.email);
  await page.getByLabel("Password").fill(e2eCredentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/inbox/);
}
