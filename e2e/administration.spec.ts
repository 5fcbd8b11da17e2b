import { expect, type Page, test } from "@playwright/test";
import { createPlatoClient } from "@/client/plato";
import { E2E_BASE_URL, e2eCredentials } from "@/e2e/config";
import { signedUpOwner, signInAs } from "@/e2e/people";
import { signInFresh } from "@/e2e/sign-in";
import { seriousViolations, tabTo } from "@/e2e/ui";

const api = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: e2eCredentials.apiKey });
const FIRST_PAINT = { timeout: 60_000 };
test.describe.configure({ timeout: 180_000 });

const OMAR_EMAIL = "omar@demo.connect-inbox.test";

async function freshConversation(label: string) {
  const suffix = `${test.info().workerIndex}-${Date.now()}`;
  const conversation = await api.v1.conversations.create.mutate({
    customer: { name: `Müşteri ${label}`, email: `admin-${suffix}@example.com` },
    subject: `${label} ${suffix}`,
  });
  await api.v1.connect.send.mutate({
    conversationId: conversation.id,
    sender: "customer",
    content: { tr: "Merhaba" },
  });
  return conversation.id;
}

/** Saves the profile form from the keyboard: Tab to the field, type, arrows pick the Enter choice. */
async function saveProfileWithKeyboard(page: Page, name: string, enter: "sends" | "newLine") {
  const nameField = page.getByRole("textbox", { name: "Adınız" });
  await tabTo(page, nameField, 40);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(name);
  const choice = page.getByRole("radio", {
    name: enter === "sends" ? /^Enter gönderir/ : /^Enter yeni satır/,
  });
  // Into the radio group with Tab (it holds one stop), then the arrows choose.
  await tabTo(page, page.getByRole("radio", { checked: true }), 10);
  if (!(await choice.isChecked())) await page.keyboard.press("ArrowDown");
  await expect(choice).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Profili kaydet" }), 10);
  await page.keyboard.press("Enter");
  await expect(page.getByText("Profil kaydedildi.", { exact: true })).toBeVisible();
}

test.describe("in Turkish", () => {
  test.use({ locale: "tr-TR", storageState: { cookies: [], origins: [] } });

  test("a member renames themselves and makes Enter send, with the keyboard alone; the composer follows", async ({
    page,
  }) => {
    const conversationId = await freshConversation("profil");
    await signInFresh(page, { email: OMAR_EMAIL, callbackUrl: "/settings/account" });
    await expect(page.getByRole("heading", { level: 1, name: "Hesabınız" })).toBeVisible(FIRST_PAINT);
    expect(await seriousViolations(page)).toEqual([]);
    await saveProfileWithKeyboard(page, "Omar H.", "sends");
    await expect(page.locator("header")).toContainText("Omar H.");

    try {
      await page.goto(`/inbox/${conversationId}`);
      const textarea = page.getByRole("textbox", { name: "Türkçe mesaj" });
      await textarea.click(FIRST_PAINT);
      await page.keyboard.type("Enter ile gönderildi");
      await page.keyboard.press("Enter");
      await expect(page.locator("article").filter({ hasText: "Enter ile gönderildi" })).toContainText(
        "Omar H.",
      );
      await expect(textarea).toHaveValue("");
      // Shift+Enter still starts a new line.
      await page.keyboard.type("bir");
      await page.keyboard.press("Shift+Enter");
      await page.keyboard.type("iki");
      await expect(textarea).toHaveValue("bir\niki");
    } finally {
      // Omar is shared with other specs: back as he was.
      await page.goto("/settings/account");
      await expect(page.getByRole("textbox", { name: "Adınız" })).toHaveValue("Omar H.", FIRST_PAINT);
      await saveProfileWithKeyboard(page, "Omar Haddad", "newLine");
    }
  });
});

for (const locale of ["en", "ar"] as const) {
  test.describe(`the owner, in ${locale}`, () => {
    test.use({ locale });

    test("the audit log lists a new API key with who made it, filters by area, and is axe clean; so are the workspace and account pages", async ({
      page,
    }) => {
      const name = `audit-${locale}-${Date.now().toString(36)}`;
      await page.goto("/settings/api-keys");
      const keyName = page.getByRole("textbox").first();
      await keyName.fill(name, FIRST_PAINT);
      await keyName.press("Enter");
      await expect(page.locator("[data-api-key-id]").filter({ hasText: name })).toBeVisible();

      await page.goto("/settings/audit-log");
      const row = page.locator('tr[data-audit-action="api_key.created"]').filter({ hasText: name });
      await expect(row).toBeVisible(FIRST_PAINT);
      await expect(row).toContainText(locale === "ar" ? "أُنشئ مفتاح API" : "API key created");
      await expect(row).toContainText("Dana Owner");
      expect(await seriousViolations(page)).toEqual([]);

      const filter = page.getByRole("combobox", { name: locale === "ar" ? "عرض" : "Show" });
      await tabTo(page, filter, 40);
      await filter.selectOption("ai_agent");
      await expect(page.locator('tr[data-audit-action="api_key.created"]')).toHaveCount(0);
      await filter.selectOption("api_key");
      await expect(row).toBeVisible();

      for (const section of ["workspace", "account"]) {
        await page.goto(`/settings/${section}`);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible(FIRST_PAINT);
        await expect(page.getByRole("button").last()).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      }
      if (locale === "ar") await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    });
  });
}

test.describe("in Arabic, a new owner", () => {
  test.use({ locale: "ar", storageState: { cookies: [], origins: [] } });

  test("renames the workspace and deletes it with the keyboard alone; with no workspace left, signing in leads to starting one", async ({
    page,
    request,
  }, info) => {
    const owner = await signedUpOwner(request, info.workerIndex, `مساحة ${Date.now().toString(36)}`);
    await signInAs(page, owner.email, "/settings/workspace");
    const nameField = page.getByRole("textbox", { name: "اسم مساحة العمل" });
    await expect(nameField).toHaveValue(owner.workspace.name, FIRST_PAINT);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    const renamed = `${owner.workspace.name} الجديدة`;
    await tabTo(page, nameField, 40);
    await page.keyboard.press("End");
    await page.keyboard.type(" الجديدة");
    await tabTo(page, page.getByRole("button", { name: "حفظ", exact: true }), 5);
    await page.keyboard.press("Enter");
    await expect(page.getByText("تم حفظ مساحة العمل.", { exact: true })).toBeVisible();
    await expect(page.locator("header")).toContainText(renamed);

    await tabTo(page, page.getByRole("button", { name: "حذف مساحة العمل…" }), 10);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: `حذف «${renamed}»؟` });
    await expect(dialog.getByRole("button", { name: "إلغاء" })).toBeFocused();
    const confirm = dialog.getByRole("button", { name: "حذف نهائي" });
    await expect(confirm).toBeDisabled();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Shift+Tab");
    await expect(dialog.getByRole("textbox")).toBeFocused();
    await page.keyboard.type(renamed);
    await expect(confirm).toBeEnabled();
    await tabTo(page, confirm, 5);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/sign-in/, FIRST_PAINT);

    // The account stays; it belongs to no workspace now, so signing in offers to start one.
    await signInAs(page, owner.email);
    await expect(page).toHaveURL(/\/welcome$/, FIRST_PAINT);
    await expect(page.getByRole("heading", { level: 1, name: "لست عضواً في أي مساحة عمل" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("textbox", { name: "اسم مساحة العمل" }).fill("بداية جديدة");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/inbox/, FIRST_PAINT);
    await expect(page.getByText("بداية جديدة").first()).toBeVisible(FIRST_PAINT);
  });
});
