import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { webhooksStrings } from "@/components/settings/webhooks/strings";
import { mutate, signedUpOwner, signInAs } from "@/e2e/people";
import { seriousViolations, tabTo } from "@/e2e/ui";
import { startReceiver } from "@/e2e/webhook-receiver";

test.describe.configure({ timeout: 180_000 });
// Each journey signs up a workspace of its own and signs in to it.
test.use({ storageState: { cookies: [], origins: [] } });

/** A workspace of its own, so no other journey's messages reach its endpoints. */
async function ownWorkspace(page: Page, request: APIRequestContext, workerIndex: number, name: string) {
  const owner = await signedUpOwner(request, workerIndex, `${name} ${Date.now().toString(36)}`);
  await signInAs(page, owner.email, "/settings/webhooks");
  await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible({ timeout: 60_000 });
}

/** A customer writes in a new conversation of the workspace the page is signed in to. */
async function customerWrites(page: Page, text: string) {
  const conversation = await mutate<{ id: string }>(page.request, "v1.conversations.create", {
    customer: { name: "Nadia Haddad", email: `nadia-${Date.now()}@e2e.example.com` },
    subject: text,
  });
  const message = await mutate<{ id: string }>(page.request, "v1.connect.send", {
    conversationId: conversation.id,
    sender: "customer",
    content: { en: text },
  });
  return { conversationId: conversation.id, messageId: message.id };
}

async function shownSecret(page: Page): Promise<string> {
  const field = page.locator("[data-new-webhook-secret] input");
  await expect(field).toBeFocused();
  const secret = await field.inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32,}$/);
  return secret;
}

test("an admin adds an endpoint; replies reach it signed per Standard Webhooks, failures show in the log and are sent again with the same id", async ({
  page,
  request,
}, info) => {
  const receiver = await startReceiver();
  try {
    await ownWorkspace(page, request, info.workerIndex, `Hooks ${info.workerIndex}`);
    const t = webhooksStrings.en;

    // A private address the operator did not allow is refused before anything is stored.
    await page.getByLabel(t.url).fill("http://10.1.2.3/hooks");
    await page.getByRole("button", { name: t.add }).click();
    await expect(page.getByText(t.urlRefused)).toBeVisible();
    await expect(page.getByLabel(t.url)).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel(t.url).fill(receiver.url);
    await page.getByLabel(t.description).fill("CRM sync");
    await page.getByRole("checkbox", { name: /A conversation starts/ }).check();
    await page.getByRole("button", { name: t.add }).click();
    const secret = await shownSecret(page);
    const row = page.locator("tr", { has: page.getByRole("rowheader", { name: receiver.url }) });
    await expect(row).toContainText("message.created");
    await expect(row).toContainText("conversation.created");
    await expect(row).toContainText(t.enabled);
    await page.screenshot({ path: test.info().outputPath("webhooks-en.png"), fullPage: true });
    await page.getByRole("button", { name: t.doneWithSecret }).click();
    await expect(page.locator("[data-new-webhook-secret]")).toHaveCount(0);

    const first = await customerWrites(page, "Where is my order?");
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const verifier = new Webhook(secret);
    for (const delivery of receiver.received) {
      // The receiver's library accepts every delivery as sent: id, timestamp and signature.
      verifier.verify(delivery.body, delivery.headers as Record<string, string>);
    }
    const types = receiver.received.map((d) => d.event.type).sort();
    expect(types).toEqual(["conversation.created", "message.created"]);
    const created = receiver.received.find((d) => d.event.type === "message.created");
    expect(created?.event.data).toMatchObject({ id: first.messageId, conversationId: first.conversationId });

    // The receiver goes down: the delivery fails, is logged with its answer, and waits for a retry.
    receiver.answer(503);
    const second = await customerWrites(page, "Hello again?");
    await expect
      .poll(() => receiver.received.filter((d) => d.event.data.id === second.messageId).length, {
        timeout: 15_000,
      })
      .toBe(1);
    const failedId = receiver.received.find((d) => d.event.data.id === second.messageId)?.headers[
      "webhook-id"
    ];
    receiver.answer(200);
    await row.getByRole("button", { name: `Actions for ${receiver.url}` }).click();
    await page.getByRole("menuitem", { name: t.viewDeliveries }).click();
    const log = page.getByRole("dialog", { name: `Deliveries to ${receiver.url}` });
    const failed = log.locator("tr", { hasText: String(failedId) });
    await expect(failed).toContainText("503");
    await expect(failed).toContainText(t.statusPending);
    await expect(log.locator("tr", { hasText: "conversation.created" }).last()).toContainText(
      t.statusSucceeded,
    );
    await page.screenshot({ path: test.info().outputPath("webhooks-deliveries-en.png") });
    await log.getByRole("button", { name: t.close }).click();
    await expect(row.getByRole("button", { name: `Actions for ${receiver.url}` })).toBeFocused();

    // Rotating: the new secret is shown once, and both secrets sign for a day.
    await row.getByRole("button", { name: `Actions for ${receiver.url}` }).click();
    await page.getByRole("menuitem", { name: t.rotate }).click();
    await page
      .getByRole("dialog", { name: t.rotateTitle })
      .getByRole("button", { name: t.rotateConfirm })
      .click();
    const rotated = await shownSecret(page);
    expect(rotated).not.toBe(secret);
    const third = await customerWrites(page, "Thanks!");
    await expect
      .poll(() => receiver.received.some((d) => d.event.data.id === third.messageId), { timeout: 15_000 })
      .toBe(true);
    const latest = receiver.received.find((d) => d.event.data.id === third.messageId);
    if (!latest) throw new Error("no delivery for the third message");
    for (const key of [secret, rotated]) {
      new Webhook(key).verify(latest.body, latest.headers as Record<string, string>);
    }

    await row.getByRole("button", { name: `Actions for ${receiver.url}` }).click();
    await page.getByRole("menuitem", { name: t.remove }).click();
    await page
      .getByRole("dialog", { name: t.deleteTitle })
      .getByRole("button", { name: t.deleteConfirm })
      .click();
    await expect(row).toHaveCount(0);
    await expect(page.getByText(t.empty)).toBeVisible();
  } finally {
    await receiver.close();
  }
});

for (const locale of ["ar", "tr"] as const) {
  test.describe(`keyboard only, in ${locale}`, () => {
    test.use({ locale });
    const t = webhooksStrings[locale];

    test("add an endpoint, copy its secret, read its log, pause and delete it", async ({
      page,
      request,
    }, info) => {
      const receiver = await startReceiver();
      try {
        await ownWorkspace(page, request, info.workerIndex, `${t.title} ${info.workerIndex}`);
        await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
        await tabTo(page, page.getByLabel(t.url));
        await page.keyboard.type(receiver.url);
        await page.keyboard.press("Tab");
        await page.keyboard.type("CRM");
        await page.keyboard.press("Tab");
        // message.created is chosen for a new endpoint; Space adds the next one.
        const events = page.getByRole("group", { name: t.events }).getByRole("checkbox");
        await expect(events.first()).toBeFocused();
        await expect(events.first()).toBeChecked();
        await page.keyboard.press("Tab");
        await page.keyboard.press("Space");
        await expect(events.nth(1)).toBeChecked();
        await tabTo(page, page.getByRole("button", { name: t.add }));
        await page.keyboard.press("Enter");
        await shownSecret(page);
        await page.screenshot({
          path: test.info().outputPath(`webhooks-secret-${locale}.png`),
          fullPage: true,
        });
        await tabTo(page, page.getByRole("button", { name: t.doneWithSecret }));
        await page.keyboard.press("Enter");

        await customerWrites(page, "مرحبا");
        await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);

        const actions = page.getByRole("button", { name: t.actionsFor.replace("{url}", receiver.url) });
        await tabTo(page, actions, 80);
        await page.keyboard.press("Enter");
        await expect(page.getByRole("menuitem", { name: t.viewDeliveries })).toBeFocused();
        await page.keyboard.press("Enter");
        const log = page.getByRole("dialog");
        await expect(log.getByText(t.statusSucceeded).first()).toBeVisible();
        await page.screenshot({ path: test.info().outputPath(`webhooks-deliveries-${locale}.png`) });
        await page.keyboard.press("Escape");
        await expect(log).toBeHidden();
        await expect(actions).toBeFocused();

        await page.keyboard.press("Enter");
        await expect(page.getByRole("menuitem", { name: t.viewDeliveries })).toBeFocused();
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("ArrowDown");
        await expect(page.getByRole("menuitem", { name: t.pause })).toBeFocused();
        await page.keyboard.press("Enter");
        await expect(page.getByText(t.disabledByAdmin, { exact: true })).toBeVisible();

        await tabTo(page, actions, 80);
        await page.keyboard.press("Enter");
        await expect(page.getByRole("menuitem", { name: t.viewDeliveries })).toBeFocused();
        await page.keyboard.press("End");
        await expect(page.getByRole("menuitem", { name: t.remove })).toBeFocused();
        await page.keyboard.press("Enter");
        const confirm = page.getByRole("dialog");
        await expect(confirm.getByRole("button", { name: t.cancel })).toBeFocused();
        await page.keyboard.press("Tab");
        await page.keyboard.press("Enter");
        await expect(page.getByText(t.empty)).toBeVisible();
        await expect(page.getByRole("heading", { name: t.listHeading })).toBeFocused();
      } finally {
        await receiver.close();
      }
    });
  });
}

for (const locale of ["en", "ar"] as const) {
  test.describe(`axe, in ${locale}`, () => {
    test.use({ locale });
    test("the webhooks page, its secret notice and its delivery log have no serious or critical violation", async ({
      page,
      request,
    }, info) => {
      const receiver = await startReceiver();
      try {
        const t = webhooksStrings[locale];
        await ownWorkspace(page, request, info.workerIndex, `axe hooks ${locale}`);
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByLabel(t.url).fill(receiver.url);
        await page.getByRole("button", { name: t.add }).click();
        await shownSecret(page);
        await customerWrites(page, "axe");
        await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
        expect(await seriousViolations(page)).toEqual([]);
        await page.locator("tbody tr").first().getByRole("button").click();
        await page.getByRole("menuitem", { name: t.viewDeliveries }).click();
        await expect(page.getByRole("dialog").getByText(t.statusSucceeded).first()).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await receiver.close();
      }
    });
  });
}
