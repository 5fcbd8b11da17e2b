import { expect, test } from "@playwright/test";
import { signInFresh } from "./sign-in";

test.use({ storageState: { cookies: [], origins: [] } });

test("a signed-in member sees the inbox shell and can sign out", async ({ page }) => {
  await signInFresh(page);
  await expect(page.getByTestId("signed-in-member")).toHaveText("Dana Owner", { timeout: 30_000 });
  await expect(page.getByText("Acme Support", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/sign-in/);
});
