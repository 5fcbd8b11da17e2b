import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

/** Serious and critical axe violations only, each with the nodes that fail, so a failure says where. */
export async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}

/** Tab (only) until `target` has focus; fails when it never does. */
export async function tabTo(page: Page, target: Locator, maxPresses = 40) {
  for (let i = 0; i < maxPresses; i++) {
    // A target not on the page yet (a dialog opening) is simply not focused yet.
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

/**
 * Enter on a focused menu button, then waits for the menu's first item to take focus, as a member
 * sees it: an arrow key pressed before the menu is there is lost on the button.
 */
export async function openMenuFromKeyboard(page: Page) {
  await page.keyboard.press("Enter");
  await expect(page.locator('[role="menuitem"]:focus')).toHaveCount(1);
}
