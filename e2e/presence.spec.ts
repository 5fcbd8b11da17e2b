import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { conversationStrings } from "@/components/conversations/strings";
import { keyboardStrings } from "@/components/keyboard/strings";
import { messageStrings } from "@/components/messages/strings";
import { presenceStrings } from "@/components/presence/strings";
import { conversationHeader, openInbox } from "@/e2e/inbox-page";
import { mutate, PEOPLE_PASSWORD, signedUpOwner, signInAs, uniqueEmail } from "@/e2e/people";
import { seriousViolations } from "@/e2e/ui";

test.describe.configure({ timeout: 180_000 });
test.use({ storageState: { cookies: [], origins: [] } });
const SOON = { timeout: 15_000 };

/** A tRPC mutation from the signed-in page, as its own scripts make them. */
async function call<T>(page: Page, path: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ path, input }) => {
      const response = await fetch(`/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(input),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(`${path}: ${JSON.stringify(body)}`);
      return body.result.data;
    },
    { path, input },
  ) as Promise<T>;
}

/**
 * A workspace of the test's own: its owner signed in on `page`, a second member (an agent)
 * signed in in a browser context of their own, and an unassigned conversation with a customer.
 */
async function twoMembers(
  page: Page,
  browser: Browser,
  api: APIRequestContext,
  token: string,
  locale: string,
) {
  const owner = await signedUpOwner(api, test.info().workerIndex, `Team ${token}`);
  await signInAs(page, owner.email);
  const agentEmail = uniqueEmail("agent", test.info().workerIndex);
  const { link } = await call<{ link: string }>(page, "v1.invitations.create", {
    email: agentEmail,
    role: "agent",
  });
  const agentName = `Bora ${token}`;
  await mutate(api, "v1.invitations.acceptAsNewAccount", {
    token: new URL(link).pathname.split("/").pop(),
    name: agentName,
    password: PEOPLE_PASSWORD,
  });
  const context = await browser.newContext({ locale, storageState: { cookies: [], origins: [] } });
  const agent = await context.newPage();
  await signInAs(agent, agentEmail);
  const channel = await call<{ id: string }>(page, "v1.channels.create", {
    name: `Site ${token}`,
    kind: "website",
    identifier: `${token}.example.com`,
  });
  const conversation = await call<{ id: string }>(page, "v1.conversations.create", {
    customer: { name: `Emre ${token}`, email: `emre.${token}@e2e.example.com` },
    channelId: channel.id,
    subject: `Refund ${token}`,
  });
  await call(page, "v1.connect.send", {
    conversationId: conversation.id,
    content: { en: "Where is my refund?" },
    sender: "customer",
  });
  return { owner, agent, agentName, context, conversationId: conversation.id };
}

const presenceLine = (page: Page) => conversationHeader(page).locator("[data-presence]");
const viewing = (page: Page) => presenceLine(page).locator("[data-viewing]");
const composer = (page: Page) => page.getByRole("form", { name: messageStrings.en.composer });
const englishText = (page: Page) => page.getByRole("textbox", { name: "Message in English" });
const assigneeSelect = (page: Page) => conversationHeader(page).getByRole("combobox");

test("two members at once: presence, typing, a colleague's reply while writing (asked once), auto-assign, and a closed tab leaving", async ({
  page,
  browser,
  playwright,
}, info) => {
  const t = presenceStrings.en;
  const token = `pr${info.workerIndex}${Date.now().toString(36)}`;
  const api = await playwright.request.newContext();
  const { owner, agent, agentName, context, conversationId } = await twoMembers(
    page,
    browser,
    api,
    token,
    "en",
  );

  await openInbox(page, `/inbox/${conversationId}`);
  await openInbox(agent, `/inbox/${conversationId}`);
  // Each sees the other, never themself.
  await expect(viewing(page)).toHaveText(t.viewingOne.replace("{names}", agentName), SOON);
  await expect(presenceLine(agent)).toContainText(t.viewingOne.replace("{names}", owner.name), SOON);
  await expect(presenceLine(page)).not.toContainText(owner.name);

  // Bora types a reply: Ayşe sees it while he types.
  await englishText(agent).click();
  await englishText(agent).pressSequentially("Your refund left today.", { delay: 20 });
  await expect(presenceLine(page)).toContainText(t.replying.replace("{name}", agentName), SOON);
  await expect(composer(page)).toContainText(t.replying.replace("{name}", agentName));

  // Ayşe writes her own; Bora's goes first.
  await englishText(page).fill("We are checking your refund.");
  await englishText(agent).press("Control+Enter");
  await expect(englishText(agent)).toHaveValue("", SOON);
  const warning = composer(page).locator("[data-collision]");
  await expect(warning).toHaveText(t.repliedWhileWriting.replace("{name}", agentName), SOON);
  await expect(viewing(page)).toHaveText(t.viewingOne.replace("{names}", agentName), SOON);
  // Bora's reply made the unassigned conversation his, live on Ayşe's screen.
  await expect(assigneeSelect(page).locator("option:checked")).toHaveText(agentName, SOON);

  // Sending asks once; Escape goes back to the draft, which is not sent.
  await englishText(page).press("Control+Enter");
  const confirm = page.getByRole("alertdialog", { name: t.confirmTitle.replace("{name}", agentName) });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: t.review })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: info.outputPath("collision-en.png") });
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(englishText(page)).toBeFocused();
  await expect(englishText(page)).toHaveValue("We are checking your refund.");
  const articles = page.locator("article[data-message-id]");
  await expect(articles).toHaveCount(2);
  // Asked once: the next Send sends.
  await englishText(page).press("Control+Enter");
  await expect(englishText(page)).toHaveValue("", SOON);
  await expect(articles).toHaveCount(3);
  await expect(confirm).toBeHidden();
  await expect(warning).toBeHidden();
  // A reply to a conversation that is already someone's does not take it.
  await expect(assigneeSelect(page).locator("option:checked")).toHaveText(agentName);

  // Bora closes his tab: he is gone from Ayşe's header within seconds, not after the 45 s expiry.
  await agent.close();
  await expect(presenceLine(page)).toHaveText("", { timeout: 10_000 });
  await context.close();
  await api.dispose();
});

for (const locale of ["ar", "tr"] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    test(`in ${locale}: A assigns to any member from the keyboard, searching by name; a colleague's presence in the header`, async ({
      page,
      browser,
      playwright,
    }, info) => {
      const t = presenceStrings[locale];
      const c = conversationStrings[locale];
      const token = `pa${locale}${info.workerIndex}${Date.now().toString(36)}`;
      const api = await playwright.request.newContext();
      const { agent, agentName, context, conversationId } = await twoMembers(
        page,
        browser,
        api,
        token,
        locale,
      );
      await openInbox(page, `/inbox/${conversationId}`);
      await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");

      // Bora has it open and is typing a note (his tab's presence, through the API his page uses).
      const connectionId = `tab-${token}`;
      await call(agent, "v1.presence.update", { conversationId, connectionId, activity: "noting" });
      await expect(presenceLine(page)).toContainText(t.noting.replace("{name}", agentName), SOON);

      await page.locator("body").focus();
      await page.keyboard.press("a");
      const picker = page.getByRole("dialog", { name: t.assignTitle });
      await expect(picker).toBeVisible();
      const search = picker.getByRole("combobox", { name: t.assignSearch });
      await expect(search).toBeFocused();
      // Me first, then Unassigned, then everyone else.
      await expect(picker.getByRole("option")).toHaveCount(3);
      await expect(picker.getByRole("option").nth(1)).toContainText(c.unassigned);
      await page.keyboard.type(agentName.slice(0, 4).toLocaleLowerCase(locale));
      await expect(picker.getByRole("option")).toHaveCount(1);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: info.outputPath(`assign-picker-${locale}.png`) });
      await page.keyboard.press("Enter");
      await expect(picker).toBeHidden();
      await expect(assigneeSelect(page).locator("option:checked")).toHaveText(agentName, SOON);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: info.outputPath(`presence-${locale}.png`) });

      // Listed in the help overlay and the palette.
      await page.keyboard.press("Shift+Slash");
      await expect(
        page.getByRole("dialog").getByText(keyboardStrings[locale]["conversation.assign"]),
      ).toBeVisible();
      await page.keyboard.press("Escape");
      await page.keyboard.press("Control+k");
      await page.keyboard.type(keyboardStrings[locale]["conversation.assign"]);
      await expect(
        page.getByRole("option", { name: keyboardStrings[locale]["conversation.assign"] }),
      ).toBeVisible();
      await page.keyboard.press("Escape");

      await context.close();
      await api.dispose();
    });
  });
}
