import { expect, test as setup } from "@playwright/test";
import { e2eCredentials, OWNER_STORAGE_STATE } from "./config";

setup("sign in once as the demo owner", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(e2eCredentials.email);
  await page.getByLabel("Password").fill(e2eCredentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/inbox/);
  await page.context().storageState({ path: OWNER_STORAGE_STATE });
});
