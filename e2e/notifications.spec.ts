import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { notificationsStrings } from "@/components/notifications/strings";
import { conversationHeader, openInbox } from "@/e2e/inbox-page";
import { mutate, PEOPLE_PASSWORD, signedUpOwner, signInAs, uniqueEmail } from "@/e2e/people";
import { seriousViolations } from "@/e2e/ui";

test.describe.configure({ timeout: 240_000 });
test.use({ storageState: { cookies: [], origins: [] } });

/** A tRPC call from the signed-in page, as the inbox makes it. */
async function call<T>(
  page: Page,
  path: string,
  input: unknown,
  method: "GET" | "POST" = "POST",
): Promise<T> {
  return page.evaluate(
    async ({ path, input, method }) => {
      const url =
        method === "GET"
          ? `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`
          : `/api/trpc/${path}`;
      const response = await fetch(url, {
        method,
        headers: { "content-type": "application/json" },
        body: method === "POST" ? JSON.stringify(input) : undefined,
      });
      const body = await response.json();
      if (!response.ok) throw new Error(`${path}: ${JSON.stringify(body)}`);
      return body.result.data;
    },
    { path, input, method },
  ) as Promise<T>;
}

/** A workspace of its own with a conversation (a customer wrote), signed in on `page` as its owner. */
async function ownerWithConversation(api: APIRequestContext, page: Page, workerIndex: number, label: string) {
  const owner = await signedUpOwner(api, workerIndex, `${label} ${Date.now().toString(36)}`);
  await signInAs(page, owner.email, "/inbox");
  const channel = await call<{ id: string }>(page, "v1.channels.create", {
    name: "Website",
    kind: "website",
    identifier: `notify-${Date.now().toString(36)}.example.com`,
  });
  const conversation = await call<{ id: string }>(page, "v1.conversations.create", {
    customer: { name: "Zeynep Kaya", email: `zeynep.${Date.now().toString(36)}@e2e.example.com` },
    channelId: channel.id,
    subject: "Refund",
  });
  await call(page, "v1.connect.send", {
    conversationId: conversation.id,
    content: { en: "Where is my refund?" },
    sender: "customer",
  });
  const me = await call<{ memberId: string }>(page, "v1.workspace.me", undefined, "GET");
  return { owner, conversation, ownerMemberId: me.memberId };
}

/** A second member of the workspace, signed in in a browser context of their own. */
async function secondMember(browser: Browser, api: APIRequestContext, ownerPage: Page, workerIndex: number) {
  const email = uniqueEmail("bob", workerIndex);
  const invitation = await call<{ link: string }>(ownerPage, "v1.invitations.create", {
    email,
    role: "agent",
  });
  const token = new URL(invitation.link).pathname.split("/").pop();
  const name = `Bora Yıldız ${Date.now().toString(36)}`;
  await mutate(api, "v1.invitations.acceptAsNewAccount", { token, name, password: PEOPLE_PASSWORD });
  const context = await browser.newContext({ locale: "en", permissions: ["notifications"] });
  // The browser's Notification API, recorded; and a tab the test can hide.
  await context.addInitScript(() => {
    const w = window as unknown as { notices: unknown[]; hidden: boolean; Notification: unknown };
    w.notices = [];
    w.hidden = false;
    class RecordedNotification {
      static permission = "granted";
      static requestPermission = async () => "granted";
      onclick: (() => void) | null = null;
      constructor(
        readonly title: string,
        readonly options: { body?: string; tag?: string },
      ) {
        w.notices.push(this);
      }
      close() {}
    }
    w.Notification = RecordedNotification;
    Object.defineProperty(document, "visibilityState", {
      configurable: true,
      get: () => (w.hidden ? "hidden" : "visible"),
    });
  });
  const page = await context.newPage();
  await signInAs(page, email, "/inbox");
  const me = await call<{ memberId: string }>(page, "v1.workspace.me", undefined, "GET");
  return { page, context, name, memberId: me.memberId };
}

const t = notificationsStrings.en;
const bell = (page: Page) => page.getByRole("button", { name: new RegExp(`^${t.bell}`) });

test("a mention, an assignment and a desktop notification reach a colleague at once; opening one lands on the message; preferences stop them", async ({
  browser,
  page,
  playwright,
}, info) => {
  const api = await playwright.request.newContext();
  const { conversation, ownerMemberId, owner } = await ownerWithConversation(
    api,
    page,
    info.workerIndex,
    "Team",
  );
  const bob = await secondMember(browser, api, page, info.workerIndex);
  await openInbox(bob.page, "/inbox");
  await expect(bell(bob.page)).toHaveAccessibleName(t.bell);

  // A writes a note and mentions B from the keyboard: @, a few letters, ↓/↑, Enter.
  await openInbox(page, `/inbox/${conversation.id}`);
  // N acts on the conversation shown, once it is there.
  await expect(conversationHeader(page)).toBeVisible();
  await page.locator("body").focus();
  await page.keyboard.press("n");
  const box = page.getByRole("textbox", { name: /English/ });
  await expect(box).toBeFocused();
  await page.keyboard.type("Could you check this, @bora");
  const options = page.getByRole("listbox", { name: t.mentionMembers }).getByRole("option");
  await expect(options).toHaveCount(1);
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute(
    "aria-activedescendant",
    (await options.first().getAttribute("id")) ?? "",
  );
  await page.keyboard.press("Enter");
  await expect(box).toHaveValue(`Could you check this, @${bob.name} `);
  await page.keyboard.type("please?");
  await page.keyboard.press("Control+Enter");
  // A's note shows the mention as a chip with B's name; what is stored is the reference.
  const chip = page.locator(`[data-mention="${bob.memberId}"]`).first();
  await expect(chip).toHaveText(`@${bob.name}`);

  // B's bell counts it at once (the live stream), and so does B's tab title.
  await expect(bell(bob.page)).toHaveAccessibleName(`${t.bell}, 1 unread`, { timeout: 10_000 });
  await expect(bob.page).toHaveTitle(/🔔1 /);

  // g n opens the panel; ↓ and Enter open the notification: the conversation at the note, read.
  await bob.page.locator("body").focus();
  await bob.page.keyboard.press("g");
  await bob.page.keyboard.press("n");
  const panel = bob.page.getByRole("dialog", { name: t.title });
  const item = panel.getByRole("button", { name: new RegExp(`${owner.name} mentioned you`) });
  await expect(item).toBeVisible();
  expect(await seriousViolations(bob.page)).toEqual([]);
  await bob.page.screenshot({ path: info.outputPath("notifications-panel-en.png") });
  await bob.page.keyboard.press("ArrowDown");
  await expect(item).toBeFocused();
  await bob.page.keyboard.press("Enter");
  await expect(bob.page).toHaveURL(new RegExp(`/inbox/${conversation.id}`));
  await expect(bob.page.locator(`[data-mention="${bob.memberId}"]`).first()).toBeInViewport();
  await expect(bell(bob.page)).toHaveAccessibleName(t.bell);

  // Assigned by A: notified; Escape closes the panel and gives the bell its focus back.
  await call(page, "v1.conversations.update", { id: conversation.id, assigneeId: bob.memberId });
  await expect(bell(bob.page)).toHaveAccessibleName(`${t.bell}, 1 unread`, { timeout: 10_000 });
  await bell(bob.page).click();
  await expect(panel.getByRole("button", { name: new RegExp(`${owner.name} assigned you`) })).toBeVisible();
  await bob.page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(bell(bob.page)).toBeFocused();
  await bob.page.keyboard.press("Enter");
  await panel.getByRole("button", { name: t.markAllRead }).click();
  await expect(bell(bob.page)).toHaveAccessibleName(t.bell);

  // Desktop notifications: asked for only on the member's click; shown while the tab is hidden.
  await panel.getByRole("button", { name: t.browserOn }).click();
  await expect(panel.getByText(t.browserEnabled)).toBeVisible();
  await bob.page.keyboard.press("Escape");
  await bob.page.evaluate(() => {
    (window as unknown as { hidden: boolean }).hidden = true;
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await call(page, "v1.conversations.update", { id: conversation.id, assigneeId: ownerMemberId });
  await call(page, "v1.connect.send", {
    conversationId: conversation.id,
    content: { en: `@[${bob.memberId}] one more thing` },
    flags: ["internal"],
  });
  await expect
    .poll(() =>
      bob.page.evaluate(() =>
        (window as unknown as { notices: { title: string }[] }).notices.map((n) => n.title),
      ),
    )
    .toEqual([`${owner.name} mentioned you`]);
  // Clicking it brings the tab forward and opens the conversation at the note; it is read.
  await bob.page.evaluate(() => {
    (window as unknown as { hidden: boolean }).hidden = false;
    (window as unknown as { notices: { onclick: () => void }[] }).notices[0]?.onclick();
  });
  await expect(bob.page).toHaveURL(new RegExp(`/inbox/${conversation.id}`));
  await expect(bob.page.getByText("one more thing")).toBeInViewport();
  await expect(bell(bob.page)).toHaveAccessibleName(t.bell);

  // The palette runs it by name too.
  await bob.page.locator("body").focus();
  await bob.page.keyboard.press("Control+k");
  await bob.page.keyboard.type("Open notifications");
  await bob.page.keyboard.press("Enter");
  await expect(panel).toBeVisible();
  await bob.page.keyboard.press("Escape");

  // B turns assignments off on their account page: A's next assignment notifies nobody.
  await bob.page.goto("/settings/account");
  const assigned = bob.page.getByRole("checkbox", { name: t.preferAssigned });
  await expect(assigned).toBeChecked();
  await assigned.uncheck();
  await expect(bob.page.getByRole("status").filter({ hasText: t.saved })).toBeVisible();
  await call(page, "v1.conversations.update", { id: conversation.id, assigneeId: bob.memberId });
  expect(await call(bob.page, "v1.notifications.unreadCount", undefined, "GET")).toEqual({
    count: 0,
    capped: false,
  });

  await bob.context.close();
  await api.dispose();
});

test("the bell stays live on the settings and customers pages", async ({ browser, playwright }, info) => {
  const context = await browser.newContext({ locale: "en" });
  const page = await context.newPage();
  const api = await playwright.request.newContext();
  const { conversation, ownerMemberId } = await ownerWithConversation(api, page, info.workerIndex, "bell");
  await call(page, "v1.conversations.update", { id: conversation.id, assigneeId: ownerMemberId });
  let unread = 0;
  for (const path of ["/settings/account", "/customers"]) {
    await page.goto(path);
    await expect(page.getByTestId("live-page")).toHaveAttribute("data-live", "connected", {
      timeout: 30_000,
    });
    // A customer writes to the owner's conversation: the bell counts it without a reload.
    await call(page, "v1.connect.send", {
      conversationId: conversation.id,
      content: { en: `Any news? (${path})` },
      sender: "customer",
    });
    unread += 1;
    await expect(bell(page)).toHaveAccessibleName(t.bellUnread.replace("{count}", String(unread)), {
      timeout: 10_000,
    });
  }
  await context.close();
  await api.dispose();
});

for (const locale of ["ar", "tr"] as const) {
  test(`the panel in ${locale}: mirrored in Arabic, axe-clean, a customer's message to the assignee`, async ({
    browser,
    playwright,
  }, info) => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const api = await playwright.request.newContext();
    const { conversation, ownerMemberId } = await ownerWithConversation(api, page, info.workerIndex, locale);
    await call(page, "v1.conversations.update", { id: conversation.id, assigneeId: ownerMemberId });
    await openInbox(page, "/inbox");
    await call(page, "v1.connect.send", {
      conversationId: conversation.id,
      content: { en: "Any news?" },
      sender: "customer",
    });
    const s = notificationsStrings[locale];
    const ring = page.getByRole("button", { name: new RegExp(`^${s.bell}`) });
    await expect(ring).toHaveAccessibleName(s.bellUnread.replace("{count}", "1"), { timeout: 10_000 });
    await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
    await page.locator("body").focus();
    await page.keyboard.press("g");
    await page.keyboard.press("n");
    const panel = page.getByRole("dialog", { name: s.title });
    await expect(
      panel.getByRole("button", { name: new RegExp(s.customerMessage.replace("{customer}", "Zeynep Kaya")) }),
    ).toBeVisible();
    const box = await panel.boundingBox();
    const bellBox = await ring.boundingBox();
    // The panel opens toward the page's inline end from the bell: leftwards in English, rightwards in Arabic.
    if (locale === "ar") expect(box?.x ?? 0).toBeGreaterThanOrEqual((bellBox?.x ?? 0) - 1);
    else
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(
        (bellBox?.x ?? 0) + (bellBox?.width ?? 0) + 1,
      );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: info.outputPath(`notifications-panel-${locale}.png`) });
    await page.keyboard.press("Escape");

    // The mention list of a note, in the same language (a colleague to mention first).
    const email = uniqueEmail(`mention-${locale}`, info.workerIndex);
    const invitation = await call<{ link: string }>(page, "v1.invitations.create", { email, role: "agent" });
    const token = new URL(invitation.link).pathname.split("/").pop();
    await mutate(api, "v1.invitations.acceptAsNewAccount", {
      token,
      name: "Ömer Şahin",
      password: PEOPLE_PASSWORD,
    });
    await openInbox(page, `/inbox/${conversation.id}`);
    await expect(conversationHeader(page)).toBeVisible();
    await page.locator("body").focus();
    await page.keyboard.press("n");
    await page.keyboard.type("@omer");
    const options = page.getByRole("listbox", { name: s.mentionMembers }).getByRole("option");
    // Matched without its diacritics.
    await expect(options).toHaveCount(1);
    await expect(options.first()).toContainText("Ömer Şahin");
    // The composer with its list (the history behind may be mid-scroll: its sticky day label
    // overlaps a line for a moment, which axe reads as low contrast).
    const composer = await new AxeBuilder({ page }).include("form").analyze();
    expect(composer.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    await page.screenshot({ path: info.outputPath(`mention-list-${locale}.png`) });
    await page.keyboard.press("Tab");
    await expect(page.locator("form textarea")).toHaveValue("@Ömer Şahin ");
    await context.close();
    await api.dispose();
  });
}
