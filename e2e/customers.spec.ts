import { expect, type Page, test } from "@playwright/test";
import { customersStrings } from "@/components/customers/strings";
import { plato } from "@/e2e/customer-conversation";
import { uniqueToken } from "@/e2e/settings-keys";
import { seriousViolations } from "@/e2e/ui";

test.describe.configure({ timeout: 180_000 });

/** A customer of the test's own with `subjects.length` conversations (created through the API's upsert). */
async function customerWithConversations(
  customer: { name: string; email: string; externalId?: string },
  subjects: string[],
) {
  const conversations = [];
  for (const subject of subjects) {
    conversations.push(
      await plato.v1.conversations.create.mutate({ customer, channelIdentifier: "example.com", subject }),
    );
    await plato.v1.connect.send.mutate({
      conversationId: conversations.at(-1)?.id ?? "",
      content: { en: `Question about ${subject}` },
      sender: "customer",
    });
  }
  return conversations;
}

async function openCustomers(page: Page, dir = "ltr") {
  await page.goto("/customers");
  await expect(page.locator("html")).toHaveAttribute("dir", dir);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 60_000 });
}

test("find a customer by the keyboard, edit them, see a duplicate email in place, merge another into them", async ({
  page,
}, info) => {
  const token = uniqueToken(info.workerIndex);
  // The kept customer has no external id: it takes the merged one's, so the API finds it by that.
  const mine = { name: `Merve ${token}`, email: `merve-${token}@e2e.example.com` };
  const other = {
    name: `M. Yilmaz ${token}`,
    email: `m.yilmaz-${token}@e2e.example.com`,
    externalId: `my_${token}`,
  };
  const [first] = await customerWithConversations(mine, [`Order ${token}`, `Refund ${token}`]);
  const [moved] = await customerWithConversations(other, [`Invoice ${token}`]);
  const taken = `taken-${token}@e2e.example.com`;
  await customerWithConversations({ name: `Taken ${token}`, email: taken }, [`Other ${token}`]);

  await openCustomers(page);
  await page.keyboard.press("Slash");
  const search = page.getByRole("searchbox", { name: "Search customers" });
  await expect(search).toBeFocused();
  await page.keyboard.type(`merve ${token}`);
  const result = page.getByRole("link", { name: new RegExp(`Merve ${token}`) });
  // The search has answered: the list holds only the match.
  await expect(page.getByRole("list", { name: "Customer list" }).getByRole("link")).toHaveCount(1);
  await expect(result).toHaveCount(1);
  await page.keyboard.press("ArrowDown");
  await expect(result).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/customers/${first?.customer.id}$`));
  const profile = page.getByRole("main");
  await expect(profile.getByRole("heading", { level: 2, name: mine.name })).toBeVisible();
  await expect(profile.getByRole("heading", { level: 3, name: "Conversations (2)" })).toBeVisible();

  // Edit: a duplicate email is refused beside the field, and nothing typed is lost.
  await profile.getByRole("button", { name: "Edit" }).focus();
  await page.keyboard.press("Enter");
  await expect(profile.getByLabel("Name")).toBeFocused();
  await profile.getByLabel("Phone").fill("+90 555 0100");
  await profile.getByLabel("Email").fill(taken);
  await page.keyboard.press("Enter");
  await expect(profile.getByText("Another customer of this workspace has this email.")).toBeVisible();
  await expect(profile.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(profile.getByLabel("Phone")).toHaveValue("+90 555 0100");
  await profile.getByLabel("Metadata").fill("{plan: pro}");
  await profile.getByLabel("Email").fill(mine.email);
  await page.keyboard.press("Enter");
  await expect(profile.getByText("This is not valid JSON.")).toBeVisible();
  await profile.getByLabel("Metadata").fill('{"plan": "pro"}');
  await profile.getByRole("button", { name: "Save" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Customer saved.", { exact: true })).toBeVisible();
  await expect(profile.getByText("+90 555 0100")).toBeVisible();
  await expect(profile.getByRole("button", { name: "Edit" })).toBeFocused();
  await page.screenshot({ path: info.outputPath("customer-profile-en.png") });
  expect(await seriousViolations(page)).toEqual([]);

  // Merge the other customer into this one, from the keyboard.
  await page.keyboard.press("Tab");
  await expect(profile.getByRole("button", { name: "Merge…" })).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Merge customers" });
  await expect(dialog.getByRole("searchbox", { name: "Find the other customer" })).toBeFocused();
  await page.keyboard.type(`yilmaz ${token}`);
  const pick = dialog.getByRole("radio", { name: new RegExp(`M\\. Yilmaz ${token}`) });
  await expect(dialog.getByRole("group", { name: "Matching customers" }).getByRole("radio")).toHaveCount(1);
  await expect(pick).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(pick).toBeFocused();
  await page.keyboard.press("Space");
  await expect(dialog.getByRole("radio", { name: mine.name })).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole("button", { name: "Continue" }).focus();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: `Merge into ${mine.name}?` });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Customers merged.", { exact: true })).toBeVisible();
  await expect(profile.getByRole("heading", { level: 3, name: "Conversations (3)" })).toBeVisible();
  await expect(profile.getByRole("link", { name: new RegExp(`Invoice ${token}`) })).toBeVisible();
  await expect(profile.getByText(other.externalId)).toBeVisible();

  // The API's upsert by the merged customer's external id now finds the kept one.
  const sent = await plato.v1.connect.send.mutate({
    conversationId: moved?.id ?? "",
    content: { en: "Me again" },
    sender: "customer",
    customer: { externalId: other.externalId },
  });
  expect(sent.sender.id).toBe(first?.customer.id);
});

test("the details panel lists the customer's other conversations and opens one", async ({ page }, info) => {
  const token = uniqueToken(info.workerIndex);
  const customer = { name: `Deniz ${token}`, email: `deniz-${token}@e2e.example.com` };
  const [older, newer] = await customerWithConversations(customer, [
    `Shipping ${token}`,
    `Warranty ${token}`,
  ]);
  await page.goto(`/inbox/${newer?.id}`);
  const details = page.getByRole("complementary");
  const others = details.getByRole("region", { name: "Other conversations" });
  const link = others.getByRole("link", { name: new RegExp(`Shipping ${token}`) });
  await expect(link).toBeVisible({ timeout: 60_000 });
  await expect(others.getByRole("link", { name: new RegExp(`Warranty ${token}`) })).toHaveCount(0);
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/inbox/${older?.id}`));
  await expect(others.getByRole("link", { name: new RegExp(`Warranty ${token}`) })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the inbox reaches the Customers page from its header, the palette and g then c", async ({ page }) => {
  await page.goto("/inbox");
  await expect(page.getByTestId("signed-in-member")).toHaveText("Dana Owner", { timeout: 60_000 });
  await expect(page.getByRole("banner").getByRole("link", { name: "Customers" })).toHaveAttribute(
    "href",
    "/customers",
  );
  await page.keyboard.press("Control+KeyK");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await page.keyboard.type("customers");
  await expect(palette.getByRole("option", { name: /^Go to customers/ })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press("KeyG");
  await page.keyboard.press("KeyI");
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByTestId("signed-in-member")).toHaveText("Dana Owner", { timeout: 60_000 });
  await page.keyboard.press("KeyG");
  await page.keyboard.press("KeyC");
  await expect(page).toHaveURL(/\/customers$/);
});

for (const locale of ["ar", "tr"] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    const t = customersStrings[locale];

    test("search from the keyboard, open the profile, edit form errors in the language, axe clean", async ({
      page,
    }, info) => {
      const token = uniqueToken(info.workerIndex);
      const name = locale === "ar" ? `فاطمة ${token}` : `Şükrü ${token}`;
      const [conversation] = await customerWithConversations(
        { name, email: `${locale}-${token}@e2e.example.com` },
        [`${t.conversations} ${token}`],
      );
      await openCustomers(page, locale === "ar" ? "rtl" : "ltr");
      await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
      await page.keyboard.press("Slash");
      await expect(page.getByRole("searchbox", { name: t.search })).toBeFocused();
      // Folded as conversation search is: "فاطمه" finds "فاطمة", "sukru" finds "Şükrü".
      await page.keyboard.type(locale === "ar" ? `فاطمه ${token}` : `sukru ${token}`);
      await expect(page.getByRole("list", { name: t.list }).getByRole("link")).toHaveCount(1);
      await expect(
        page.getByRole("list", { name: t.list }).getByRole("link", { name: new RegExp(token) }),
      ).toHaveCount(1);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(new RegExp(`/customers/${conversation?.customer.id}$`));
      const profile = page.getByRole("main");
      await expect(profile.getByRole("heading", { level: 2, name })).toBeVisible();
      await profile.getByRole("button", { name: t.edit }).click();
      await profile.getByLabel(t.email).fill("not-an-email");
      await page.keyboard.press("Enter");
      await expect(profile.getByText(t.invalidEmail)).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: info.outputPath(`customer-profile-${locale}.png`) });
    });
  });
}
