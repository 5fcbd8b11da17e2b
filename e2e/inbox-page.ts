import { expect, type Page } from "@playwright/test";

/** Opens the inbox at `path` and waits until its live stream listens: from then on nothing is missed. */
export async function openInbox(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByTestId("live-announcements")).toHaveAttribute("data-live", "connected", {
    timeout: 30_000,
  });
}

export const rowOf = (page: Page, id: string) => page.locator(`a[data-conversation-id="${id}"]`);
export const conversationHeader = (page: Page) =>
  page.locator('section[aria-labelledby="conversation-title"]');
