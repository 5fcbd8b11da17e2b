import { expect, type Page, test } from "@playwright/test";
import { TRPCClientError } from "@trpc/client";
import { createPlatoClient } from "@/client/plato";
import { E2E_BASE_URL, E2E_BLOCKED_AGENT, E2E_OPERATOR_PROVIDER, e2eCredentials } from "@/e2e/config";
import { tabTo } from "@/e2e/ui";

const plato = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: e2eCredentials.apiKey });
test.describe.configure({ timeout: 120_000 });
const FIRST_PAINT = { timeout: 30_000 };

function uniqueToken(workerIndex: number): string {
  return `st${workerIndex}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

/** The code of a refused call, as the typed client reports it; null when the call succeeded. */
async function errorCode(call: Promise<unknown>): Promise<string | null> {
  try {
    await call;
    return null;
  } catch (error) {
    if (error instanceof TRPCClientError) return String(error.data?.code);
    throw error;
  }
}

async function openSettings(page: Page, section: "api-keys" | "ai-agents") {
  await page.goto(`/settings/${section}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible(FIRST_PAINT);
}

test("an API key is shown once, works with the typed client, and stops working once revoked", async ({
  page,
  context,
}, info) => {
  const token = uniqueToken(info.workerIndex);
  const keyName = `CRM sync ${token}`;
  const { id: conversationId } = await plato.v1.conversations.create.mutate({
    customer: { name: `Key ${token}`, email: `key.${token}@e2e.example.com` },
    subject: `Key ${token}`,
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);

  await openSettings(page, "api-keys");
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  await expect(page.getByRole("link", { name: "API keys" })).toHaveAttribute("aria-current", "page");
  // Keyboard only: type the name, Enter creates, focus lands on the new key, selected.
  await page.getByLabel("Key name").focus();
  await page.keyboard.type(keyName);
  await page.keyboard.press("Enter");
  const notice = page.locator("[data-new-api-key]");
  await expect(notice.getByRole("heading", { name: `Your new key “${keyName}”` })).toBeVisible();
  await expect(notice).toContainText("you won’t see this key again");
  const field = notice.getByLabel("Your new API key");
  await expect(field).toBeFocused();
  const key = await field.inputValue();
  expect(key).toMatch(/^ci_/);
  expect(
    await field.evaluate(
      (input: HTMLInputElement) => (input.selectionEnd ?? 0) - (input.selectionStart ?? 0),
    ),
  ).toBe(key.length);
  await notice.getByRole("button", { name: "Copy key" }).click();
  await expect(notice.getByRole("status")).toHaveText("Copied to the clipboard.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  const row = page.locator("tr", { has: page.getByRole("rowheader", { name: keyName, exact: true }) });
  await expect(row).toContainText(key.slice(0, 8));
  await expect(row).toContainText("Never");
  await expect(row).toContainText("Active");

  const withKey = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: key });
  const page1 = await withKey.v1.connect.listMessages.query({ conversationId, limit: 10 });
  expect(page1.items).toEqual([]);

  await notice.getByRole("button", { name: "I have copied it" }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByLabel("Key name")).toBeFocused();
  expect(await page.content()).not.toContain(key);
  // Gone for good: a fresh load lists the key by name and prefix, never whole, and now used.
  await page.reload();
  await expect(row).toBeVisible(FIRST_PAINT);
  await expect(row).not.toContainText("Never");
  expect(await page.content()).not.toContain(key);

  await row.getByRole("button", { name: `Revoke key ${keyName}` }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke this key?" });
  await expect(confirm).toContainText(keyName);
  // Cancel has focus: Escape backs out and nothing happens.
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  expect(await errorCode(withKey.v1.connect.listMessages.query({ conversationId }))).toBeNull();

  await row.getByRole("button", { name: `Revoke key ${keyName}` }).click();
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button")).toHaveCount(0);
  expect(await errorCode(withKey.v1.connect.listMessages.query({ conversationId }))).toBe("UNAUTHORIZED");
});

test("an admin creates an agent, sees a bad base URL refused at the field, edits and deletes it", async ({
  page,
}, info) => {
  const token = uniqueToken(info.workerIndex);
  const name = `Settings agent ${token}`;
  const defaultBefore = (await plato.v1.ai.agents.list.query()).find((a) => a.isDefault)?.id;

  await openSettings(page, "ai-agents");
  await page.getByRole("button", { name: "New agent" }).click();
  const form = page.getByRole("dialog", { name: "New AI agent" });
  await expect(form.getByLabel("Name", { exact: true })).toBeFocused();
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Provider", { exact: true }).selectOption("openai_compatible");
  await form.getByLabel("Your own endpoint and key").check();
  await form.getByLabel("Model").fill("fake-model");
  await form.getByLabel("Base URL").fill("not a url");
  const keyField = form.getByLabel("API key");
  await expect(keyField).toHaveAttribute("type", "password");
  await expect(form).toContainText("Stored encrypted and never shown again");
  await keyField.fill("sk-e2e-workspace-key-1234");
  await form.getByLabel("Instructions").fill("Answer briefly.");
  await form.getByLabel("Draft for approval").check();
  await form.getByLabel("May read internal notes").check();
  await form.getByRole("button", { name: "Create agent" }).click();

  const baseUrl = form.getByLabel("Base URL");
  await expect(baseUrl).toHaveAttribute("aria-invalid", "true");
  await expect(baseUrl).toBeFocused();
  const describedBy = (await baseUrl.getAttribute("aria-describedby")) ?? "";
  const error = page.locator(`[id="${describedBy.split(" ").at(-1)}"]`);
  await expect(error).toContainText("Check this field");
  await expect(form.getByLabel("Name", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  expect((await plato.v1.ai.agents.list.query()).some((a) => a.name === name)).toBe(false);

  await baseUrl.fill("http://127.0.0.1:9/v1");
  await form.getByRole("button", { name: "Create agent" }).click();
  await expect(form).toHaveCount(0);
  const row = page.locator("tr", { has: page.getByRole("rowheader", { name }) });
  await expect(row).toContainText("OpenAI-compatible");
  await expect(row).toContainText("Draft for approval");
  await expect(row).toContainText("Reads internal notes");
  await expect(row).not.toContainText("Default");
  const listed = await plato.v1.ai.agents.list.query();
  expect(JSON.stringify(listed)).not.toContain("sk-e2e-workspace-key");
  const created = listed.find((a) => a.name === name);
  expect(created).toMatchObject({
    provider: "openai_compatible",
    model: "fake-model",
    operatorProviderId: null,
    baseUrl: "http://127.0.0.1:9/v1",
    apiKeyLast4: "1234",
    instructions: "Answer briefly.",
    mode: "draft",
    internal: true,
    isDefault: false,
  });

  await row.getByRole("button", { name: `Edit agent ${name}` }).click();
  const edit = page.getByRole("dialog", { name: "Edit AI agent" });
  await expect(edit.getByLabel("Name", { exact: true })).toHaveValue(name);
  // The saved key is never sent back: only its last 4 characters, with a way to replace it.
  await expect(edit).toContainText("Saved key ending in …1234");
  await expect(edit.getByLabel("API key")).toHaveCount(0);
  await edit.getByRole("button", { name: "Replace key" }).click();
  await expect(edit.getByLabel("API key")).toBeFocused();
  await expect(edit.getByLabel("API key")).toHaveValue("");
  await page.keyboard.type("sk-e2e-replaced-key-9876");
  await edit.getByLabel("Name", { exact: true }).fill(`${name} v2`);
  await edit.getByLabel("Reply directly").check();
  await edit.getByRole("button", { name: "Save", exact: true }).click();
  await expect(edit).toHaveCount(0);
  const renamed = page.locator("tr", { has: page.getByRole("rowheader", { name: `${name} v2` }) });
  await expect(renamed).toContainText("Reply directly");
  expect((await plato.v1.ai.agents.list.query()).find((a) => a.id === created?.id)).toMatchObject({
    name: `${name} v2`,
    mode: "reply",
    baseUrl: "http://127.0.0.1:9/v1",
    apiKeyLast4: "9876",
  });

  await renamed.getByRole("button", { name: `Delete agent ${name} v2` }).click();
  const confirm = page.getByRole("dialog", { name: "Delete this agent?" });
  await confirm.getByRole("button", { name: "Delete agent" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(renamed).toHaveCount(0);
  const after = await plato.v1.ai.agents.list.query();
  expect(after.some((a) => a.id === created?.id)).toBe(false);
  expect(after.find((a) => a.isDefault)?.id).toBe(defaultBefore);
});

test("saving a built-in agent leaves the model the member never saw as it was", async ({ page }, info) => {
  const name = `Built-in ${uniqueToken(info.workerIndex)}`;
  const agent = await plato.v1.ai.agents.create.mutate({
    name,
    provider: "builtin",
    model: "builtin-custom",
  });
  try {
    await openSettings(page, "ai-agents");
    await page.getByRole("button", { name: `Edit agent ${name}` }).click();
    const edit = page.getByRole("dialog", { name: "Edit AI agent" });
    await expect(edit.getByLabel("Model")).toHaveCount(0);
    await edit.getByLabel("Instructions").fill("Be brief.");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit).toHaveCount(0);
    expect((await plato.v1.ai.agents.list.query()).find((a) => a.id === agent.id)).toMatchObject({
      model: "builtin-custom",
      instructions: "Be brief.",
    });
  } finally {
    await plato.v1.ai.agents.delete.mutate({ id: agent.id });
  }
});

test("the inbox header and the command palette open the settings, and the way back is there", async ({
  page,
}) => {
  await page.goto("/inbox");
  await expect(page.getByRole("link", { name: "Settings", exact: true })).toHaveAttribute(
    "href",
    "/settings/api-keys",
  );
  await expect(page.locator("a[data-conversation-id]").first()).toBeVisible(FIRST_PAINT);
  await page.keyboard.press("Control+KeyK");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette.getByRole("combobox")).toBeFocused();
  await page.keyboard.type("open settings");
  await expect(palette.getByRole("option", { name: "Open settings" })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible(FIRST_PAINT);

  // Between sections and back to the inbox, by keyboard: the section links, then the palette.
  await page.getByRole("link", { name: "AI agents" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/settings\/ai-agents$/);
  await expect(page.getByRole("heading", { level: 1, name: "AI agents" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the inbox" })).toHaveAttribute("href", "/inbox");
  await page.keyboard.press("Control+KeyK");
  await page.keyboard.type("go to the inbox");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/inbox$/);
});

test.describe("Arabic", () => {
  test.use({ locale: "ar" });

  test("the settings are mirrored, with Arabic labels", async ({ page }) => {
    await openSettings(page, "api-keys");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.getByRole("heading", { level: 1, name: "مفاتيح API" })).toBeVisible();
    await expect(page.getByLabel("اسم المفتاح")).toBeVisible();
    await expect(page.getByRole("button", { name: "إنشاء مفتاح" })).toBeVisible();
    const nav = await page.getByRole("navigation", { name: "أقسام الإعدادات" }).boundingBox();
    const main = await page.getByRole("main").boundingBox();
    if (!nav || !main) throw new Error("the sections and the page are not laid out");
    expect(nav.x).toBeGreaterThanOrEqual(main.x + main.width - 1);

    await page.getByRole("link", { name: "وكلاء الذكاء الاصطناعي" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "وكلاء الذكاء الاصطناعي" })).toBeVisible();
    await page.getByRole("button", { name: "وكيل جديد" }).click();
    const form = page.getByRole("dialog", { name: "وكيل ذكاء اصطناعي جديد" });
    await expect(form.getByLabel("الاسم", { exact: true })).toBeFocused();
    await form.getByLabel("المزوّد", { exact: true }).selectOption("anthropic");
    // The operator offers no Anthropic provider here: the workspace's own endpoint and key it is.
    await expect(form.getByLabel("نقطة الاتصال والمفتاح الخاصّان بك")).toBeChecked();
    const keyVariable = form.getByLabel("مفتاح API");
    await expect(keyVariable).toBeVisible();
    await expect(keyVariable).toHaveAttribute("type", "password");
    // Empty required fields are refused in Arabic, before the server is asked.
    await form.getByLabel("الاسم", { exact: true }).fill("وكيل");
    await form.getByLabel("النموذج").fill("claude-x");
    await form.getByRole("button", { name: "إنشاء الوكيل" }).click();
    await expect(keyVariable).toBeFocused();
    await expect(keyVariable).toHaveAttribute("aria-invalid", "true");
    await expect(form).toContainText("املأ هذا الحقل.");
    await page.keyboard.press("Escape");
    await expect(form).toHaveCount(0);
  });
});

test.describe("as a member with the agent role", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("AI agents are read-only, and the API keys are the member's own", async ({ page }) => {
    await page.goto("/settings/ai-agents");
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByLabel("Email").fill("omar@demo.connect-inbox.test");
    await page.getByLabel("Password").fill(e2eCredentials.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/settings\/ai-agents$/, FIRST_PAINT);
    await expect(page.getByText("Only workspace owners and admins can change agents.")).toBeVisible(
      FIRST_PAINT,
    );
    await expect(page.locator("tbody tr").first()).toContainText("Default");
    await expect(page.getByRole("button", { name: "New agent" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Edit agent/ })).toHaveCount(0);

    await page.getByRole("link", { name: "API keys" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
    await expect(page.getByText("You have no API keys yet.")).toBeVisible();
  });
});

test("an admin connects an agent to the operator's provider with the keyboard alone", async ({
  page,
}, info) => {
  const name = `Operator agent ${uniqueToken(info.workerIndex)}`;
  await openSettings(page, "ai-agents");
  const newAgent = page.getByRole("button", { name: "New agent" });
  await tabTo(page, newAgent);
  await page.keyboard.press("Enter");
  const form = page.getByRole("dialog", { name: "New AI agent" });
  await expect(form.getByLabel("Name", { exact: true })).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Provider", { exact: true })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(form.getByLabel("Provider", { exact: true })).toHaveValue("openai_compatible");
  await page.keyboard.press("Tab");
  await page.keyboard.type("house-model");
  // A new agent starts on the operator's providers; the workspace's own endpoint is one arrow away.
  await page.keyboard.press("Tab");
  const operator = form.getByLabel("A provider set up by this server’s operator");
  await expect(operator).toBeFocused();
  await expect(operator).toBeChecked();
  await page.keyboard.press("Tab");
  const provider = form.getByLabel("Operator’s provider");
  await expect(provider).toBeFocused();
  await expect(form).toContainText("The operator keeps its key");
  await page.keyboard.press("ArrowDown");
  await expect(provider).toHaveValue(E2E_OPERATOR_PROVIDER.id);
  await tabTo(page, form.getByRole("button", { name: "Create agent" }));
  await page.keyboard.press("Enter");
  await expect(form).toHaveCount(0);

  const listed = await plato.v1.ai.agents.list.query();
  expect(JSON.stringify(listed)).not.toContain(E2E_OPERATOR_PROVIDER.apiKey);
  const created = listed.find((a) => a.name === name);
  expect(created).toMatchObject({
    provider: "openai_compatible",
    model: "house-model",
    operatorProviderId: E2E_OPERATOR_PROVIDER.id,
    baseUrl: null,
    apiKeyLast4: null,
    blockedReason: null,
  });
  await plato.v1.ai.agents.delete.mutate({ id: created?.id ?? "" });
});

test("a paused agent says why in Settings → AI agents, and its form says what to do", async ({ page }) => {
  await openSettings(page, "ai-agents");
  const row = page.locator("tr", { has: page.getByRole("rowheader", { name: E2E_BLOCKED_AGENT }) });
  await expect(row).toContainText("Paused");
  await expect(row).toContainText("named a server variable for its key, which this server no longer allows");
  await row.getByRole("button", { name: `Edit agent ${E2E_BLOCKED_AGENT}` }).click();
  const edit = page.getByRole("dialog", { name: "Edit AI agent" });
  await expect(edit.locator("[data-blocked-reason]")).toContainText(
    "choose a provider from the operator or enter your workspace’s own key",
  );
  await expect(edit.getByLabel("Your own endpoint and key")).toBeChecked();
  await expect(edit.getByLabel("Base URL")).toHaveValue("https://llm.legacy.example/v1");
  await page.screenshot({ path: "test-results/agent-form-en.png", fullPage: true });
  await edit.getByRole("button", { name: "Cancel" }).click();
  await expect(edit).toHaveCount(0);
});

test.describe("in Arabic", () => {
  test.use({ locale: "ar" });

  test("a paused agent's reason and the connection choices read right to left", async ({ page }) => {
    await page.goto("/settings/ai-agents");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl", FIRST_PAINT);
    const row = page.locator("tr", { has: page.getByRole("rowheader", { name: E2E_BLOCKED_AGENT }) });
    await expect(row).toContainText("موقوف");
    await row.getByRole("button", { name: `تعديل الوكيل ${E2E_BLOCKED_AGENT}` }).click();
    const edit = page.getByRole("dialog", { name: "تعديل وكيل الذكاء الاصطناعي" });
    await expect(edit.locator("[data-blocked-reason]")).toContainText("لم يعد مسموحاً به");
    await expect(edit.getByLabel("نقطة الاتصال والمفتاح الخاصّان بك")).toBeChecked();
    await page.screenshot({ path: "test-results/agent-form-ar.png", fullPage: true });
    await edit.getByLabel("مزوّد أعدّه مشغّل هذا الخادم").check();
    await expect(edit.getByLabel("مزوّد المشغّل")).toBeVisible();
    await page.screenshot({ path: "test-results/agent-form-ar-operator.png", fullPage: true });
  });
});
