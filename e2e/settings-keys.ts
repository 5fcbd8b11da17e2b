// Shared by the channels, templates and labels journeys.
import { expect, type Page } from "@playwright/test";

/** Short, unique across workers and runs. */
export function uniqueToken(workerIndex: number): string {
  return `${workerIndex}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

export async function openSettings(page: Page, section: "channels" | "templates" | "labels", dir = "ltr") {
  await page.goto(`/settings/${section}`);
  await expect(page.locator("html")).toHaveAttribute("dir", dir);
  await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible({ timeout: 60_000 });
}
