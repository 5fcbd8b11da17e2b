import { expect, test } from "@playwright/test";
import { TRPCClientError } from "@trpc/client";
import { createPlatoClient } from "@/client/plato";
import { templatesStrings } from "@/components/settings/templates/strings";
import { E2E_BASE_URL, e2eCredentials } from "@/e2e/config";
import { openSettings, uniqueToken } from "@/e2e/settings-keys";
import { openMenuFromKeyboard, seriousViolations, tabTo } from "@/e2e/ui";

const plato = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: e2eCredentials.apiKey });
test.describe.configure({ timeout: 240_000 });

const EN = 'Hi {{customer.name | "there"}}, order {{order.id}} is on its way.';
const AR = 'مرحباً {{customer.name | "عميلنا"}}، طلبك {{order.id}} في الطريق.';

test("a template with an Arabic body, previewed against a conversation, inserted with / in a reply and sent; deleted, it leaves the picker and the API", async ({
  page,
}, info) => {
  const token = uniqueToken(info.workerIndex);
  const templateName = `Shipping ${token}`;
  const customerName = `Preview ${token}`;
  const conversation = await plato.v1.conversations.create.mutate({
    customer: { name: customerName, email: `preview-${token}@e2e.example.com` },
    subject: `Where is ${token}?`,
  });
  await plato.v1.connect.send.mutate({
    conversationId: conversation.id,
    sender: "customer",
    content: { en: "Where is my order?" },
  });

  await openSettings(page, "templates");
  await page.getByRole("button", { name: "New template" }).click();
  const editor = page.getByRole("dialog", { name: "New template" });
  await editor.getByLabel("Name", { exact: true }).fill(templateName);
  await editor.getByLabel("Text in English").fill(EN);
  const arabic = editor.getByLabel("Text in Arabic");
  await expect(arabic).toHaveAttribute("dir", "rtl");
  await expect(arabic).toHaveAttribute("lang", "ar");
  await arabic.fill(AR);

  // The preview, against this test's conversation found by its customer's name.
  await editor.getByLabel("Find a conversation by customer or subject").fill(token);
  await expect(editor.getByLabel("Conversation", { exact: true })).toHaveValue(conversation.id);
  const english = editor.locator('[data-preview-locale="en"]');
  await expect(english.locator("p[lang=en]")).toHaveText(
    `Hi ${customerName}, order {{order.id}} (no value) is on its way.`,
  );
  await expect(english.locator("mark")).toContainText("{{order.id}}");
  await expect(english).toContainText("No value for {{order.id}}");
  const arabicPreview = editor.locator('[data-preview-locale="ar"] p[lang=ar]');
  await expect(arabicPreview).toHaveAttribute("dir", "rtl");
  await expect(arabicPreview).toContainText(`مرحباً ${customerName}، طلبك`);
  await expect(editor.locator('[data-preview-locale="tr"]')).toContainText("(no text in this language)");
  await page.screenshot({ path: test.info().outputPath("template-editor-en.png"), fullPage: true });

  // A variable written wrong is refused, naming the language it is in.
  await editor.getByLabel("Text in Turkish").fill("Merhaba {{customer.name | efendim}}");
  await editor.getByRole("button", { name: "Save template" }).click();
  await expect(editor.getByText("{{customer.name | efendim}} is not a variable.")).toBeVisible();
  await expect(editor.getByLabel("Text in Turkish")).toHaveAttribute("aria-invalid", "true");
  await editor.getByLabel("Text in Turkish").fill("");
  await editor.getByRole("button", { name: "Save template" }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByText(`Template “${templateName}” created.`, { exact: true })).toBeVisible();
  const row = page.locator("tr", { has: page.getByRole("rowheader", { name: templateName, exact: true }) });
  await expect(row).toContainText("English, Arabic");
  await expect(row).toContainText("customer.name, order.id");

  // In the inbox: / inserts it, the fallback-free variable is named with its tabs before sending.
  await page.goto(`/inbox/${conversation.id}`);
  const reply = page.getByRole("textbox", { name: "Message in English" });
  await expect(reply).toBeVisible({ timeout: 60_000 });
  await reply.click();
  await reply.pressSequentially(`/${token}`);
  await expect(page.getByRole("option", { name: new RegExp(templateName) })).toBeVisible();
  await reply.press("Enter");
  await expect(reply).toHaveValue(`Hi ${customerName}, order {{order.id}} is on its way.`);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const form = page.getByRole("form", { name: "Reply to the customer" });
  await expect(form.getByRole("alert")).toHaveText("Fill in {{order.id}} in English before sending.");
  await page.screenshot({ path: test.info().outputPath("template-warning-en.png") });
  await reply.fill(`Hi ${customerName}, order A-1042 is on its way.`);
  // Inserted in English, the template filled the English tab only: the Arabic text is inserted there.
  await page.getByRole("tab", { name: /Arabic/ }).click();
  const arabicReply = page.getByRole("textbox", { name: "Message in Arabic" });
  await expect(arabicReply).toHaveValue("");
  await arabicReply.pressSequentially(`/${token}`);
  await arabicReply.press("Enter");
  await expect(arabicReply).toHaveValue(`مرحباً ${customerName}، طلبك {{order.id}} في الطريق.`);
  await arabicReply.fill(`مرحباً ${customerName}، طلبك A-1042 في الطريق.`);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  // The stored row, not the pending one shown at once: by then the server has the message.
  await expect(page.locator("article[data-message-id]:not([data-pending])").last()).toContainText("A-1042");
  const sent = (
    await plato.v1.connect.listMessages.query({ conversationId: conversation.id, limit: 10 })
  ).items.find((m) => m.sender.type === "member");
  expect(sent?.content).toEqual({
    en: `Hi ${customerName}, order A-1042 is on its way.`,
    ar: `مرحباً ${customerName}، طلبك A-1042 في الطريق.`,
  });

  // The API's templateId uses the same template, fallback and all…
  const template = (await plato.v1.templates.list.query()).find((x) => x.name === templateName);
  if (!template) throw new Error("the template is listed");
  const viaApi = await plato.v1.connect.send.mutate({
    conversationId: conversation.id,
    templateId: template.id,
    templateContext: { order: { id: "B-7" } },
  });
  expect(viaApi.content).toEqual({
    en: "Hi there, order B-7 is on its way.",
    ar: "مرحباً عميلنا، طلبك B-7 في الطريق.",
  });

  // …and once deleted, neither the picker nor the API has it.
  await openSettings(page, "templates");
  await row.getByRole("button", { name: `Actions for ${templateName}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete template" }).click();
  await expect(row).toHaveCount(0);
  let refused = "";
  try {
    await plato.v1.connect.send.mutate({ conversationId: conversation.id, templateId: template.id });
  } catch (error) {
    if (error instanceof TRPCClientError) refused = error.message;
  }
  expect(refused).toBe("templateId: no such template");
  await page.goto(`/inbox/${conversation.id}`);
  await expect(reply).toBeVisible({ timeout: 60_000 });
  await reply.click();
  await reply.pressSequentially(`/${token}`);
  await expect(page.getByText("No templates match.")).toBeVisible();
});

for (const locale of ["ar", "tr"] as const) {
  test.describe(`keyboard only, in ${locale}`, () => {
    test.use({ locale });
    const t = templatesStrings[locale];

    test("create a template with the keyboard, Arabic right-to-left, then close the editor with Escape", async ({
      page,
    }, info) => {
      const token = uniqueToken(info.workerIndex);
      const name = `${t.title} ${token}`;
      await openSettings(page, "templates", locale === "ar" ? "rtl" : "ltr");
      await tabTo(page, page.getByRole("button", { name: t.newTemplate }));
      await page.keyboard.press("Enter");
      const editor = page.getByRole("dialog");
      await expect(editor.getByLabel(t.name, { exact: true })).toBeFocused();
      await page.keyboard.type(name);
      await page.keyboard.press("Tab");
      await expect(editor.getByLabel(t.bodyIn.replace("{language}", t.english))).toBeFocused();
      await page.keyboard.type("Hello {{customer.name}}");
      await page.keyboard.press("Tab");
      const arabic = editor.getByLabel(t.bodyIn.replace("{language}", t.arabic));
      await expect(arabic).toBeFocused();
      await expect(arabic).toHaveAttribute("dir", "rtl");
      await page.keyboard.type('مرحباً {{customer.name | "عميلنا"}}');
      await expect(editor.locator('[data-preview-locale="ar"] p[lang=ar]')).toContainText("مرحباً");
      await page.screenshot({
        path: test.info().outputPath(`template-editor-${locale}.png`),
        fullPage: true,
      });
      await tabTo(page, editor.getByRole("button", { name: t.save }));
      await page.keyboard.press("Enter");
      await expect(editor).toBeHidden();
      const row = page.locator("tr", { has: page.getByRole("rowheader", { name, exact: true }) });
      await expect(row).toBeVisible();

      const actions = row.getByRole("button", { name: t.actionsFor.replace("{name}", name) });
      await tabTo(page, actions, 80);
      await page.keyboard.press("Enter");
      await expect(page.getByRole("menuitem", { name: t.edit })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("dialog").getByLabel(t.name, { exact: true })).toHaveValue(name);
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toBeHidden();
      await expect(actions).toBeFocused();
      // Once the menu shows, as a member would: an ArrowDown pressed before it is there was lost on
      // the button, and Enter then chose Edit.
      await openMenuFromKeyboard(page);
      await page.keyboard.press("ArrowDown");
      await expect(page.getByRole("menuitem", { name: t.delete })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("dialog").getByRole("button", { name: t.cancel })).toBeFocused();
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await expect(row).toHaveCount(0);
      await page.screenshot({ path: test.info().outputPath(`templates-${locale}.png`), fullPage: true });
    });
  });
}

for (const locale of ["en", "ar"] as const) {
  test.describe(`axe, in ${locale}`, () => {
    test.use({ locale });
    test("the templates page, and the editor with its preview, have no serious or critical violation", async ({
      page,
    }) => {
      test.setTimeout(240_000);
      const t = templatesStrings[locale];
      await openSettings(page, "templates", locale === "ar" ? "rtl" : "ltr");
      await expect(page.locator("tbody tr").first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("button", { name: t.newTemplate }).click();
      await page
        .getByRole("dialog")
        .getByLabel(t.bodyIn.replace("{language}", t.english))
        .fill("Hi {{customer.name}} {{order.id}}");
      await expect(page.locator("[data-template-preview] mark").first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
