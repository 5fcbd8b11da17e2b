import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { mutate, PEOPLE_PASSWORD, signedUpOwner, signInAs, uniqueEmail } from "@/e2e/people";
import { openMenuFromKeyboard, seriousViolations, tabTo } from "@/e2e/ui";

test.describe.configure({ timeout: 240_000 });
test.use({ storageState: { cookies: [], origins: [] } });
const FIRST_PAINT = { timeout: 30_000 };

/** An invitation made by the signed-in page, as the members page makes it. */
async function invite(page: Page, email: string, role: "agent" | "admin"): Promise<string> {
  return page.evaluate(
    async ({ email, role }) => {
      const response = await fetch("/api/trpc/v1.invitations.create", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, role }),
      });
      return ((await response.json()).result.data as { link: string }).link;
    },
    { email, role },
  );
}

async function accept(api: APIRequestContext, link: string, name: string) {
  const token = new URL(link).pathname.split("/").pop();
  await mutate(api, "v1.invitations.acceptAsNewAccount", { token, name, password: PEOPLE_PASSWORD });
}

for (const locale of ["ar", "tr"] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test("the members page from the keyboard alone: invite, change a role, remove; axe-clean", async ({
      page,
      playwright,
    }, info) => {
      const api = await playwright.request.newContext();
      const owner = await signedUpOwner(api, info.workerIndex, `Keys ${locale} ${Date.now().toString(36)}`);
      await signInAs(page, owner.email);
      await page.goto("/settings/members");
      await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
      await expect(page.locator("[data-member-id]")).toHaveCount(1, FIRST_PAINT);
      expect(await seriousViolations(page)).toEqual([]);

      // Invite an admin: type, arrow to the role, Enter.
      const colleague = uniqueEmail(`kb-${locale}`, info.workerIndex);
      await tabTo(page, page.locator('input[type="email"]'));
      await page.keyboard.type(colleague);
      await page.keyboard.press("Tab");
      await expect(page.locator("form select")).toBeFocused();
      await page.keyboard.press("ArrowDown");
      await expect(page.locator("form select")).toHaveValue("admin");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      const notice = page.locator("[data-invitation-link]");
      await expect(notice.locator("input")).toBeFocused();
      const link = await notice.locator("input").inputValue();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: info.outputPath(`members-invited-${locale}.png`), fullPage: true });
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await expect(notice).toBeHidden();
      await expect(page.locator('input[type="email"]')).toBeFocused();

      await accept(api, link, `Colleague ${locale}`);
      await page.reload();
      const row = page.locator("[data-member-id]", { hasText: `Colleague ${locale}` });
      await expect(row.locator("[data-role]")).toHaveAttribute("data-role", "admin", FIRST_PAINT);
      const menuButton = row.locator("button[aria-haspopup]");
      await tabTo(page, menuButton, 40);
      // The menu opens on Enter and closes on Escape, giving focus back.
      await page.keyboard.press("Enter");
      await expect(page.getByRole("menu")).toBeVisible();
      await expect(page.getByRole("menuitem").first()).toBeFocused();
      await page.screenshot({ path: info.outputPath(`members-menu-${locale}.png`), fullPage: true });
      await page.keyboard.press("Escape");
      await expect(page.getByRole("menu")).toBeHidden();
      await expect(menuButton).toBeFocused();

      // Change role: Enter on the first item, arrow to "agent", Tab to save.
      await page.keyboard.press("Enter");
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog");
      await expect(dialog.locator("select")).toBeFocused();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press("ArrowUp");
      await expect(dialog.locator("select")).toHaveValue("agent");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await expect(dialog).toBeHidden();
      await expect(row.locator("[data-role]")).toHaveAttribute("data-role", "agent");
      await expect(menuButton).toBeFocused();

      // Remove: the second item, Cancel has focus, Tab to confirm.
      await openMenuFromKeyboard(page);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      const confirm = page.getByRole("dialog");
      await expect(confirm.getByRole("button").first()).toBeFocused();
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await expect(row).toHaveCount(0);
      // Focus does not fall to the page's start: it is on the list's heading.
      await expect(page.locator("h2:focus")).toHaveCount(1);
      await api.dispose();
    });

    test("the invite page from the keyboard alone, axe-clean", async ({
      page,
      browser,
      playwright,
    }, info) => {
      const api = await playwright.request.newContext();
      const owner = await signedUpOwner(api, info.workerIndex, `Invite ${locale} ${Date.now().toString(36)}`);
      await signInAs(page, owner.email);
      const link = await invite(page, uniqueEmail(`inv-${locale}`, info.workerIndex), "agent");
      const context = await browser.newContext({ locale, storageState: { cookies: [], origins: [] } });
      const invitee = await context.newPage();
      await invitee.goto(link);
      await expect(invitee.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
      await expect(invitee.getByRole("heading", { level: 1 })).toContainText(
        owner.workspace.name,
        FIRST_PAINT,
      );
      expect(await seriousViolations(invitee)).toEqual([]);
      await invitee.screenshot({ path: info.outputPath(`invite-${locale}.png`), fullPage: true });
      await tabTo(invitee, invitee.locator('input[name="name"]'));
      await invitee.keyboard.type(`Invitee ${locale}`);
      await invitee.keyboard.press("Tab");
      await invitee.keyboard.type(PEOPLE_PASSWORD);
      await invitee.keyboard.press("Enter");
      await expect(invitee).toHaveURL(/\/inbox/, FIRST_PAINT);
      await context.close();
      await api.dispose();
    });
  });
}

test("an invalid link says only that it is no longer valid, axe-clean; agents cannot manage members", async ({
  page,
  playwright,
}, info) => {
  await page.goto("/invite/not-a-real-token");
  await expect(page.getByRole("heading", { name: "This invitation is no longer valid" })).toBeVisible(
    FIRST_PAINT,
  );
  expect(await seriousViolations(page)).toEqual([]);

  const api = await playwright.request.newContext();
  const owner = await signedUpOwner(api, info.workerIndex, `Agents ${Date.now().toString(36)}`);
  await signInAs(page, owner.email);
  const agentEmail = uniqueEmail("agent", info.workerIndex);
  await accept(api, await invite(page, agentEmail, "agent"), "Plain Agent");
  await page.context().clearCookies();
  await signInAs(page, agentEmail);
  const refused = await page.evaluate(async () => {
    const response = await fetch("/api/trpc/v1.members.list");
    return response.status;
  });
  expect(refused).toBe(403);
  await page.goto("/settings/members");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Members" })).toHaveCount(
    0,
    FIRST_PAINT,
  );
  await api.dispose();
});
