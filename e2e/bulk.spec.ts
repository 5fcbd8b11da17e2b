import { expect, type Page, test } from "@playwright/test";
import { conversationsOnOwnChannel as channelWithConversations, plato } from "./customer-conversation";
import { seriousViolations } from "./ui";

test.beforeEach(() => test.slow());

const rowOf = (page: Page, id: string) => page.locator(`a[data-conversation-id="${id}"]`);
const checkboxOf = (page: Page, id: string) =>
  page.locator(`li:has(a[data-conversation-id="${id}"]) input[type="checkbox"]`);
const statusOf = async (id: string) => (await plato.v1.conversations.get.query({ id })).status;

/** Shift+Tab until `name`d control has focus (the bar sits above the list). */
async function shiftTabTo(page: Page, target: ReturnType<Page["getByRole"]>) {
  for (let i = 0; i < 30; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Shift+Tab");
  }
  await expect(target).toBeFocused();
}

test("from the keyboard: X picks a row, Shift+↓ extends, one change applies to all, Z undoes it", async ({
  page,
}, testInfo) => {
  const token = `bk${testInfo.workerIndex}${Date.now().toString(36)}`;
  const { channel, conversations } = await channelWithConversations(token, ["Ada", "Berk", "Cem", "Dan"]);
  const [ada, berk, cem, dan] = conversations;
  if (!ada || !berk || !cem || !dan) throw new Error("four conversations");

  await page.goto(`/inbox?channel=${channel.id}`);
  await expect(rowOf(page, dan.id)).toBeVisible();
  await rowOf(page, dan.id).focus();
  await page.keyboard.press("x");
  const bar = page.getByRole("group", { name: "Bulk actions" });
  await expect(bar).toContainText("1 selected");
  await expect(checkboxOf(page, dan.id)).toBeChecked();
  await page.keyboard.press("Shift+ArrowDown");
  await expect(rowOf(page, cem.id)).toBeFocused();
  await expect(bar).toContainText("2 selected");
  await expect(checkboxOf(page, cem.id)).toBeChecked();
  await expect(checkboxOf(page, berk.id)).not.toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);

  await shiftTabTo(page, bar.getByRole("button", { name: "Pending" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("2 conversations changed")).toBeVisible();
  await expect(rowOf(page, dan.id)).toHaveCount(0);
  await expect(rowOf(page, cem.id)).toHaveCount(0);
  await expect(rowOf(page, berk.id)).toBeVisible();
  await expect(bar).toHaveCount(0);
  // Focus is back on a row, so the next key is a shortcut, not lost on the page.
  await expect(page.locator("a[data-conversation-id]:focus")).toHaveCount(1);
  expect([await statusOf(dan.id), await statusOf(cem.id), await statusOf(berk.id)]).toEqual([
    "pending",
    "pending",
    "open",
  ]);

  await page.keyboard.press("z");
  await expect(rowOf(page, dan.id)).toBeVisible();
  await expect(rowOf(page, cem.id)).toBeVisible();
  expect([await statusOf(dan.id), await statusOf(cem.id)]).toEqual(["open", "open"]);

  // Escape drops a selection.
  await rowOf(page, ada.id).focus();
  await page.keyboard.press("x");
  await expect(bar).toContainText("1 selected");
  await page.keyboard.press("Escape");
  await expect(bar).toHaveCount(0);
  await expect(checkboxOf(page, ada.id)).not.toBeChecked();
});

test("with the mouse: click and shift-click pick a range, Ctrl+A takes every match, an assignment lands live in another inbox", async ({
  page,
  browser,
}, testInfo) => {
  const token = `bm${testInfo.workerIndex}${Date.now().toString(36)}`;
  const { channel, conversations } = await channelWithConversations(token, ["Ela", "Fat", "Gul", "Hal"]);
  const [ela, fat, gul, hal] = conversations;
  if (!ela || !fat || !gul || !hal) throw new Error("four conversations");
  const other = await browser.newPage({ storageState: await page.context().storageState() });
  await other.goto(`/inbox?channel=${channel.id}`);
  await expect(rowOf(other, hal.id)).toBeVisible();

  await page.goto(`/inbox?channel=${channel.id}`);
  await rowOf(page, hal.id).hover();
  await checkboxOf(page, hal.id).click();
  await checkboxOf(page, fat.id).click({ modifiers: ["Shift"] });
  const bar = page.getByRole("group", { name: "Bulk actions" });
  await expect(bar).toContainText("3 selected");
  await expect(checkboxOf(page, ela.id)).not.toBeChecked();

  await rowOf(page, gul.id).focus();
  await page.keyboard.press("ControlOrMeta+a");
  await expect(bar).toContainText("All 4 matching selected");
  await expect(checkboxOf(page, ela.id)).toBeChecked();

  const assign = bar.getByRole("combobox", { name: "Assign to…" });
  const memberName = (await assign.locator("option").nth(2).textContent()) ?? "";
  await assign.selectOption({ index: 2 });
  await expect(page.getByText("4 conversations changed")).toBeVisible();
  for (const { id } of conversations) {
    expect((await plato.v1.conversations.get.query({ id })).assignee?.name).toBe(memberName);
  }
  // Labels too: every match gets the label, in one request.
  const label = await plato.v1.labels.create.mutate({ name: `Bulk ${token}`, color: "teal" });
  await page.reload();
  await rowOf(page, gul.id).focus();
  await page.keyboard.press("ControlOrMeta+a");
  await bar.getByRole("combobox", { name: "Add label…" }).selectOption({ label: label.name });
  // The bar goes once the change is stored (the undo bar still says what the assignment did).
  await expect(bar).toHaveCount(0);
  for (const { id } of conversations) {
    const labels = (await plato.v1.conversations.get.query({ id })).labels.map((l) => l.name);
    expect(labels).toEqual([label.name]);
  }
  // The other inbox hears one change and shows the assignee on every row.
  for (const { id } of conversations) {
    await expect(other.locator(`li:has(a[data-conversation-id="${id}"])`)).toContainText(memberName);
  }

  // And put away: every match snoozed until tomorrow morning leaves the Open tab, in both inboxes.
  await rowOf(page, gul.id).focus();
  await page.keyboard.press("ControlOrMeta+a");
  await bar.getByRole("combobox", { name: "Snooze" }).selectOption({ label: "Tomorrow morning" });
  await expect(bar).toHaveCount(0);
  for (const { id } of conversations) {
    const snoozed = await plato.v1.conversations.get.query({ id });
    expect(snoozed.status).toBe("snoozed");
    expect(new Date(snoozed.snoozedUntil ?? 0).getHours()).toBe(9);
    await expect(rowOf(page, id)).toHaveCount(0);
    await expect(rowOf(other, id)).toHaveCount(0);
  }
  await other.close();
});

for (const { locale, bar, selected, pending } of [
  { locale: "ar", bar: "إجراءات جماعية", selected: "تم تحديد 1", pending: "معلّقة" },
  { locale: "tr", bar: "Toplu işlemler", selected: "1 seçildi", pending: "Beklemede" },
]) {
  test.describe(locale, () => {
    test.use({ locale });
    test(`the bulk bar in ${locale}: named, counted, mirrored where it should be, and axe-clean`, async ({
      page,
    }, testInfo) => {
      const token = `b${locale}${testInfo.workerIndex}${Date.now().toString(36)}`;
      const { channel, conversations } = await channelWithConversations(token, ["Ilk", "Son"]);
      const [first] = conversations;
      if (!first) throw new Error("a conversation");
      await page.goto(`/inbox?channel=${channel.id}`);
      await rowOf(page, first.id).focus();
      await page.keyboard.press("x");
      const group = page.getByRole("group", { name: bar });
      await expect(group).toContainText(selected);
      await expect(group.getByRole("button", { name: pending })).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`bulk-${locale}.png`) });
    });
  });
}
