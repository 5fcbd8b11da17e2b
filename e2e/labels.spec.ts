import { expect, test } from "@playwright/test";
import { labelsStrings } from "@/components/settings/labels/strings";
import { openSettings, uniqueToken } from "@/e2e/settings-keys";
import { openMenuFromKeyboard, seriousViolations, tabTo } from "@/e2e/ui";

test.describe.configure({ timeout: 180_000 });

test("a label is created, renamed, recoloured and deleted", async ({ page }, info) => {
  const token = uniqueToken(info.workerIndex);
  const name = `Refund ${token}`;
  await openSettings(page, "labels");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("radio", { name: "Amber", exact: true }).check();
  await page.getByRole("button", { name: "Add label" }).click();
  await expect(page.getByText(`Label “${name}” added.`, { exact: true })).toBeVisible();
  const row = page.locator("tr", { has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(row).toContainText("Amber");

  // The same name in another case is refused, naming the field.
  await page.getByLabel("Name", { exact: true }).fill(name.toUpperCase());
  await page.getByRole("button", { name: "Add label" }).click();
  await expect(page.getByText("Another label already has this name.")).toBeVisible();

  await row.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Rename or recolour" }).click();
  const dialog = page.getByRole("dialog", { name: `Edit “${name}”` });
  await dialog.getByLabel("Name").fill(`VIP ${token}`);
  await dialog.getByRole("radio", { name: "Purple", exact: true }).check();
  await page.screenshot({ path: test.info().outputPath("labels-edit-en.png") });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  const renamed = page.locator("tr", {
    has: page.getByRole("rowheader", { name: `VIP ${token}`, exact: true }),
  });
  await expect(renamed).toContainText("Purple");
  await expect(renamed.locator("th span")).toHaveCSS("background-color", "rgb(243, 232, 255)");
  await page.screenshot({ path: test.info().outputPath("labels-en.png"), fullPage: true });

  await renamed.getByRole("button", { name: `Actions for VIP ${token}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  const confirm = page.getByRole("dialog", { name: `Delete “VIP ${token}”?` });
  await confirm.getByRole("button", { name: "Delete label" }).click();
  await expect(confirm).toBeHidden();
  await expect(renamed).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("rowheader", { name: `VIP ${token}` })).toHaveCount(0);
});

for (const locale of ["ar", "tr"] as const) {
  test.describe(`keyboard only, in ${locale}`, () => {
    test.use({ locale });
    const t = labelsStrings[locale];

    test("create a label, recolour it with the arrow keys, delete it", async ({ page }, info) => {
      const token = uniqueToken(info.workerIndex);
      const name = `${t.title} ${token}`;
      await openSettings(page, "labels", locale === "ar" ? "rtl" : "ltr");
      await tabTo(page, page.getByLabel(t.name, { exact: true }));
      await page.keyboard.type(name);
      await page.keyboard.press("Tab");
      // The colours are one radio group: Tab enters it on the chosen colour, arrows choose.
      await expect(page.getByRole("radio", { name: t.blue, exact: true })).toBeFocused();
      await page.keyboard.press("ArrowDown");
      await expect(page.getByRole("radio", { name: t.indigo, exact: true })).toBeChecked();
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      const row = page.locator("tr", { has: page.getByRole("rowheader", { name, exact: true }) });
      await expect(row).toContainText(t.indigo);

      const actions = row.getByRole("button", { name: t.actionsFor.replace("{name}", name) });
      await tabTo(page, actions, 80);
      await page.keyboard.press("Enter");
      await expect(page.getByRole("menuitem", { name: t.edit })).toBeFocused();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByLabel(t.name)).toBeFocused();
      await page.keyboard.press("Tab");
      await expect(dialog.getByRole("radio", { name: t.indigo, exact: true })).toBeFocused();
      await page.keyboard.press("ArrowUp");
      await expect(dialog.getByRole("radio", { name: t.blue, exact: true })).toBeChecked();
      await page.screenshot({ path: test.info().outputPath(`labels-edit-${locale}.png`) });
      await tabTo(page, dialog.getByRole("button", { name: t.save }));
      await page.keyboard.press("Enter");
      await expect(dialog).toBeHidden();
      await expect(row).toContainText(t.blue);

      await tabTo(page, actions, 80);
      await openMenuFromKeyboard(page);
      await page.keyboard.press("ArrowDown");
      await expect(page.getByRole("menuitem", { name: t.delete })).toBeFocused();
      await page.keyboard.press("Enter");
      const confirm = page.getByRole("dialog");
      await expect(confirm.getByRole("button", { name: t.cancel })).toBeFocused();
      await page.keyboard.press("Tab");
      await expect(confirm.getByRole("button", { name: t.deleteConfirm })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(row).toHaveCount(0);
      await page.screenshot({ path: test.info().outputPath(`labels-${locale}.png`), fullPage: true });
    });
  });
}

for (const locale of ["en", "ar"] as const) {
  test.describe(`axe, in ${locale}`, () => {
    test.use({ locale });
    test("the labels page, and its edit dialog, have no serious or critical violation", async ({
      page,
    }, info) => {
      test.setTimeout(240_000);
      await openSettings(page, "labels", locale === "ar" ? "rtl" : "ltr");
      const t = labelsStrings[locale];
      await page.getByLabel(t.name, { exact: true }).fill(`axe ${locale} ${uniqueToken(info.workerIndex)}`);
      await page.getByRole("button", { name: t.add }).click();
      await expect(page.locator("tbody tr").first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator("tbody tr").first().getByRole("button").click();
      await page.getByRole("menuitem").first().click();
      await expect(page.getByRole("dialog")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
