import { expect, test } from "@playwright/test";
import { conversationStrings } from "@/components/conversations/strings";
import { conversationsOnOwnChannel, plato } from "@/e2e/customer-conversation";
import { conversationHeader, openInbox, rowOf } from "@/e2e/inbox-page";
import { seriousViolations, tabTo } from "@/e2e/ui";

test.describe.configure({ timeout: 120_000 });

function uniqueToken(workerIndex: number): string {
  return `lb${workerIndex}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

test("a label from the keyboard: L, type, Enter; its chip on the row and the header, live in another tab; the list filters by it; the palette takes it off", async ({
  page,
}, info) => {
  const token = uniqueToken(info.workerIndex);
  const vip = await plato.v1.labels.create.mutate({ name: `VIP ${token}`, color: "amber" });
  await plato.v1.labels.create.mutate({ name: `Bug ${token}`, color: "purple" });
  const { channel, conversations } = await conversationsOnOwnChannel(token, ["Ada", "Berk"]);
  const [ada, berk] = conversations;
  if (!ada || !berk) throw new Error("two conversations");

  const other = await page.context().newPage();
  await openInbox(other, `/inbox?channel=${channel.id}`);
  await openInbox(page, `/inbox/${ada.id}?channel=${channel.id}`);
  await expect(conversationHeader(page)).toContainText(`Ada ${token}`);

  await page.locator("body").focus();
  await page.keyboard.press("l");
  const picker = page.getByRole("dialog", { name: "Labels of this conversation" });
  await expect(picker.getByRole("combobox", { name: "Find a label" })).toBeFocused();
  await page.keyboard.type(`vip ${token}`);
  await expect(picker.getByRole("option")).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(picker.getByRole("option", { name: `VIP ${token}` })).toHaveAttribute("aria-selected", "true");
  await page.screenshot({ path: info.outputPath("label-picker-en.png") });
  await page.keyboard.press("Escape");
  await expect(picker).toBeHidden();

  const headerChips = conversationHeader(page).getByRole("list", { name: "Labels" });
  await expect(headerChips.getByText(`VIP ${token}`, { exact: true })).toBeVisible();
  // The palette's amber pair: dark brown on light amber.
  await expect(headerChips.getByText(`VIP ${token}`)).toHaveCSS("background-color", "rgb(254, 243, 199)");
  await expect(rowOf(page, ada.id).getByRole("list", { name: "Labels" })).toHaveText(`VIP ${token}`);
  // Another tab sees it without a reload.
  await expect(rowOf(other, ada.id).getByText(`VIP ${token}`, { exact: true })).toBeVisible({
    timeout: 10_000,
  });
  await expect(rowOf(other, berk.id)).toBeVisible();
  await other.close();

  // Filter by it, from the keyboard: only Ada is left, and the address says so.
  const list = page.getByRole("navigation", { name: "Conversations" });
  const filterButton = list.getByRole("button", { name: "Labels", exact: true });
  await tabTo(page, filterButton);
  await page.keyboard.press("Enter");
  const filterPicker = page.getByRole("dialog", { name: "Show conversations with these labels" });
  await expect(filterPicker.getByRole("combobox", { name: "Find a label" })).toBeFocused();
  await page.keyboard.type(`VIP ${token}`);
  await expect(filterPicker.getByRole("option")).toHaveCount(1);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await expect(filterPicker).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`label=${vip.id}`));
  await expect(rowOf(page, berk.id)).toHaveCount(0);
  await expect(rowOf(page, ada.id)).toBeVisible();
  await expect(list.getByRole("button", { name: "Labels (1)" })).toBeVisible();
  await expect(page.getByTestId("count-open")).toHaveText("1");
  await page.screenshot({ path: info.outputPath("labels-filtered-en.png"), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  // A reload keeps the filter.
  await page.reload();
  await expect(rowOf(page, ada.id)).toBeVisible({ timeout: 30_000 });
  await expect(rowOf(page, berk.id)).toHaveCount(0);

  // The palette takes it off: the chip goes, and the filtered list no longer holds Ada.
  await page.locator("body").focus();
  await page.keyboard.press("Control+k");
  await page.keyboard.type(`Remove label: VIP ${token}`);
  await page.keyboard.press("Enter");
  await expect(conversationHeader(page).getByRole("list", { name: "Labels" })).toHaveCount(0);
  await expect(rowOf(page, ada.id)).toHaveCount(0);
  await expect(page.getByTestId("count-open")).toHaveText("0");

  // The filter chip's × clears it: both are back.
  await list.getByRole("button", { name: `Stop filtering by VIP ${token}` }).click();
  await expect(rowOf(page, ada.id)).toBeVisible();
  await expect(rowOf(page, berk.id)).toBeVisible();
});

test("keys typed while the picker's code is still on its way are its search, never shortcuts", async ({
  page,
}, info) => {
  const token = uniqueToken(info.workerIndex);
  await plato.v1.labels.create.mutate({ name: `Returns ${token}`, color: "green" });
  const { channel, conversations } = await conversationsOnOwnChannel(token, ["Ada"]);
  const [ada] = conversations;
  if (!ada) throw new Error("one conversation");
  await openInbox(page, `/inbox/${ada.id}?channel=${channel.id}`);
  await expect(conversationHeader(page)).toContainText(`Ada ${token}`);

  // From here the code the page loads on demand arrives late, as on a slow connection: the
  // pickers' code is fetched with the first key, which is L itself.
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/_next/static/chunks/**", async (route) => {
    await released;
    await route.continue();
  });
  await page.locator("body").focus();
  await page.keyboard.press("l");
  const picker = page.getByRole("dialog", { name: "Labels of this conversation" });
  const standIn = picker.getByRole("textbox", { name: "Loading… what you type is kept" });
  await expect(standIn).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  // e resolves, r replies, s snoozes, u marks unread: typed here they are only letters.
  await page.keyboard.type(`returns ${token}`);
  release();
  const search = picker.getByRole("combobox", { name: "Find a label" });
  await expect(search).toBeFocused();
  await expect(search).toHaveValue(`returns ${token}`);
  await expect(picker.getByRole("option")).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(picker.getByRole("option", { name: `Returns ${token}` })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await page.keyboard.press("Escape");
  await expect(picker).toBeHidden();
  await expect(page.getByRole("textbox", { name: /^Message in/ })).toHaveValue("");
  // The chip shows at once; the server has it a moment later.
  await expect
    .poll(async () => {
      const { status, snoozedUntil, labels } = await plato.v1.conversations.get.query({ id: ada.id });
      return { status, snoozedUntil, labels: labels.map((label) => label.name) };
    })
    .toEqual({ status: "open", snoozedUntil: null, labels: [`Returns ${token}`] });
});

test("the details panel lists the labels, takes one off with its button and adds one from its picker", async ({
  page,
}, info) => {
  const token = uniqueToken(info.workerIndex);
  const bug = await plato.v1.labels.create.mutate({ name: `Bug ${token}`, color: "red" });
  await plato.v1.labels.create.mutate({ name: `Refund ${token}`, color: "teal" });
  const { conversations } = await conversationsOnOwnChannel(token, ["Cem"]);
  const [cem] = conversations;
  if (!cem) throw new Error("one conversation");
  await plato.v1.conversations.addLabel.mutate({ id: cem.id, labelId: bug.id });

  await page.setViewportSize({ width: 1400, height: 900 });
  await openInbox(page, `/inbox/${cem.id}`);
  const details = page.locator('section[aria-labelledby="details-labels"]');
  await expect(details.getByText(`Bug ${token}`)).toBeVisible();
  await details.getByRole("button", { name: `Remove label Bug ${token}` }).click();
  await expect(details.getByText("No labels")).toBeVisible();
  await details.getByRole("button", { name: "Edit labels" }).click();
  const picker = page.getByRole("dialog", { name: "Labels of this conversation" });
  await picker.getByRole("option", { name: `Refund ${token}` }).click();
  await picker.getByRole("button", { name: "Done" }).click();
  await expect(details.getByText(`Refund ${token}`)).toBeVisible();
  expect((await plato.v1.conversations.get.query({ id: cem.id })).labels.map((l) => l.name)).toEqual([
    `Refund ${token}`,
  ]);
});

for (const locale of ["ar", "tr"] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    const t = conversationStrings[locale];

    test("L puts a label on from the keyboard; the chips and the picker pass axe", async ({ page }, info) => {
      const token = uniqueToken(info.workerIndex);
      await plato.v1.labels.create.mutate({ name: `${t.labels} ${token}`, color: "green" });
      const { conversations } = await conversationsOnOwnChannel(token, ["Deniz"]);
      const [deniz] = conversations;
      if (!deniz) throw new Error("one conversation");
      await openInbox(page, `/inbox/${deniz.id}`);
      await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
      // L acts on the conversation shown: pressed before its header is there, it has nothing to label.
      await expect(conversationHeader(page)).toContainText(`Deniz ${token}`);
      await page.locator("body").focus();
      await page.keyboard.press("l");
      const picker = page.getByRole("dialog", { name: t.labelPickerTitle });
      await expect(picker.getByRole("combobox", { name: t.labelSearch })).toBeFocused();
      await page.keyboard.type(token);
      await page.keyboard.press("Enter");
      await expect(picker.getByRole("option", { selected: true })).toHaveCount(1);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: info.outputPath(`label-picker-${locale}.png`) });
      await page.keyboard.press("Escape");
      await expect(
        conversationHeader(page).getByRole("list", { name: t.labels }).getByText(`${t.labels} ${token}`),
      ).toBeVisible();
      await expect(rowOf(page, deniz.id).getByText(`${t.labels} ${token}`)).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: info.outputPath(`labels-${locale}.png`) });
    });
  });
}
