import { expect, test } from "@playwright/test";
import { TRPCClientError } from "@trpc/client";
import { createPlatoClient } from "@/client/plato";
import { channelsStrings } from "@/components/settings/channels/strings";
import { E2E_BASE_URL, e2eCredentials } from "@/e2e/config";
import { openSettings, uniqueToken } from "@/e2e/settings-keys";
import { openMenuFromKeyboard, seriousViolations, tabTo } from "@/e2e/ui";

const plato = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: e2eCredentials.apiKey });
test.describe.configure({ timeout: 180_000 });

async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) return error.message;
    throw error;
  }
  throw new Error("expected the call to be refused");
}

test("a channel added in settings takes new conversations through the API until archived; its conversations keep working", async ({
  page,
}, info) => {
  const token = uniqueToken(info.workerIndex);
  const name = `Help mail ${token}`;
  const identifier = `help-${token}@shop.example`;
  await openSettings(page, "channels");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Kind", { exact: true }).selectOption("email");
  await page.getByLabel("Identifier").fill(identifier);
  await page.getByRole("button", { name: "Add channel" }).click();
  await expect(page.getByText(`Channel “${name}” added.`, { exact: true })).toBeVisible();
  const row = page.locator("tr", { has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(row).toContainText("Email");
  await expect(row).toContainText(identifier);
  await expect(row).toContainText("Active");
  await expect(page.getByLabel("Name", { exact: true })).toBeFocused();

  // The Connect API opens a conversation on it by its identifier.
  const customer = { name: `Mail ${token}`, email: `mail-${token}@e2e.example.com` };
  const conversation = await plato.v1.conversations.create.mutate({
    customer,
    channelIdentifier: identifier,
  });
  expect(conversation.channel).toMatchObject({ name, identifier, kind: "email" });

  // The same identifier again is refused with a message naming the field.
  await page.getByLabel("Name", { exact: true }).fill(`${name} 2`);
  await page.getByLabel("Identifier").fill(identifier);
  await page.getByRole("button", { name: "Add channel" }).click();
  await expect(page.getByText("Another channel already has this identifier.")).toBeVisible();
  await expect(page.getByLabel("Identifier")).toHaveAttribute("aria-invalid", "true");

  await row.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Archive" }).click();
  const dialog = page.getByRole("dialog", { name: `Archive “${name}”?` });
  await expect(dialog).toContainText("Its conversations stay");
  await page.screenshot({ path: test.info().outputPath("channels-archive-en.png") });
  await dialog.getByRole("button", { name: "Archive channel" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Archived");

  // No new conversation on it, with an error naming channelIdentifier…
  expect(
    await refusal(plato.v1.conversations.create.mutate({ customer, channelIdentifier: identifier })),
  ).toMatch(/^channelIdentifier: this channel is archived/);
  // …while its conversation takes replies from both sides, and the inbox's channel filter leaves it out.
  await plato.v1.connect.send.mutate({ conversationId: conversation.id, content: { en: "We are on it." } });
  await plato.v1.connect.send.mutate({
    conversationId: conversation.id,
    sender: "customer",
    channelIdentifier: identifier,
    content: { en: "Thank you!" },
  });
  expect((await plato.v1.workspace.channels.query()).map((c) => c.identifier)).not.toContain(identifier);

  await row.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: `Edit “${name}”` });
  await edit.getByLabel("Name").fill(`${name} (old)`);
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  const renamed = page.locator("tr", {
    has: page.getByRole("rowheader", { name: `${name} (old)`, exact: true }),
  });
  await renamed.getByRole("button", { name: `Actions for ${name} (old)` }).click();
  await page.getByRole("menuitem", { name: "Restore" }).click();
  await expect(renamed).toContainText("Active");
  const reopened = await plato.v1.conversations.create.mutate({ customer, channelIdentifier: identifier });
  expect(reopened.channel?.name).toBe(`${name} (old)`);
  await page.screenshot({ path: test.info().outputPath("channels-en.png"), fullPage: true });
});

for (const locale of ["ar", "tr"] as const) {
  test.describe(`keyboard only, in ${locale}`, () => {
    test.use({ locale });
    const t = channelsStrings[locale];

    test("add a channel, archive it and restore it", async ({ page }, info) => {
      const token = uniqueToken(info.workerIndex);
      const name = `${t.kindWebsite} ${token}`;
      await openSettings(page, "channels", locale === "ar" ? "rtl" : "ltr");
      await tabTo(page, page.getByLabel(t.name, { exact: true }));
      await page.keyboard.type(name);
      await page.keyboard.press("Tab");
      await expect(page.getByLabel(t.kind, { exact: true })).toBeFocused();
      await page.keyboard.press("Tab");
      await page.keyboard.type(`kb-${token}.example`);
      await page.keyboard.press("Enter");
      const row = page.locator("tr", { has: page.getByRole("rowheader", { name, exact: true }) });
      await expect(row).toContainText(t.active);

      const actions = row.getByRole("button", { name: t.actionsFor.replace("{name}", name) });
      await tabTo(page, actions, 80);
      await page.keyboard.press("Enter");
      await expect(page.getByRole("menuitem", { name: t.edit })).toBeFocused();
      await page.keyboard.press("ArrowDown");
      await expect(page.getByRole("menuitem", { name: t.archive })).toBeFocused();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByRole("button", { name: t.cancel })).toBeFocused();
      await page.screenshot({ path: test.info().outputPath(`channels-archive-${locale}.png`) });
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await expect(dialog).toBeHidden();
      await expect(row).toContainText(t.archivedOn.split(" ")[0] ?? "");
      await expect(actions).toBeFocused();

      await openMenuFromKeyboard(page);
      await page.keyboard.press("ArrowDown");
      await expect(page.getByRole("menuitem", { name: t.restore })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(row).toContainText(t.active);

      // Escape leaves the edit dialog without saving, focus back on the row's button.
      await expect(actions).toBeFocused();
      await page.keyboard.press("Enter");
      await page.keyboard.press("Enter");
      await expect(page.getByRole("dialog").getByLabel(t.name)).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toBeHidden();
      await page.screenshot({ path: test.info().outputPath(`channels-${locale}.png`), fullPage: true });
    });
  });
}

for (const locale of ["en", "ar"] as const) {
  test.describe(`axe, in ${locale}`, () => {
    test.use({ locale });
    test("the channels page, and its edit dialog, have no serious or critical violation", async ({
      page,
    }) => {
      test.setTimeout(240_000);
      await openSettings(page, "channels", locale === "ar" ? "rtl" : "ltr");
      await expect(page.locator("tbody tr").first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator("tbody tr").first().getByRole("button").click();
      await page.getByRole("menuitem").first().click();
      await expect(page.getByRole("dialog")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
