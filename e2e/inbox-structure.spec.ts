import { expect, test } from "@playwright/test";
import { createCustomerConversation } from "./customer-conversation";
import { seriousViolations } from "./ui";

test.beforeEach(() => test.slow());

for (const { locale, inbox, skipList, skipReply, resolve } of [
  {
    locale: "en",
    inbox: "Inbox",
    skipList: "Skip to the conversation list",
    skipReply: "Skip to the reply box",
    resolve: "Resolve",
  },
  {
    locale: "ar",
    inbox: "صندوق الوارد",
    skipList: "الانتقال إلى قائمة المحادثات",
    skipReply: "الانتقال إلى مربع الرد",
    resolve: "تمييز كمحلولة",
  },
  {
    locale: "tr",
    inbox: "Gelen kutusu",
    skipList: "Konuşma listesine geç",
    skipReply: "Yanıt kutusuna geç",
    resolve: "Çözüldü olarak işaretle",
  },
]) {
  test.describe(locale, () => {
    test.use({ locale });

    test(`one h1, a conversation header, skip links from the keyboard, messages named apart (${locale})`, async ({
      page,
    }, testInfo) => {
      const token = `st${testInfo.workerIndex}${Date.now().toString(36)}`;
      const conversation = await createCustomerConversation(
        `Selin ${token}`,
        ["Hello", "I was charged twice"],
        `Invoice ${token}`,
      );
      await page.goto(`/inbox/${conversation.id}`);
      await expect(page.locator("article[data-message-id]").first()).toBeVisible({ timeout: 30_000 });

      await expect(page.getByRole("heading", { level: 1 })).toHaveText(inbox);
      const header = page.getByRole("region", { name: `Invoice ${token}` });
      await expect(header.getByRole("heading", { level: 2 })).toHaveText(`Invoice ${token}`);
      await expect(header).toContainText(`Selin ${token}`);
      await expect(header.getByRole("button", { name: resolve })).toBeVisible();

      // Two messages of one customer in the same minute: each has a name of its own.
      const names = await page
        .locator("article[data-message-id]")
        .evaluateAll((articles) => articles.map((a) => a.getAttribute("aria-label")));
      expect(names).toHaveLength(2);
      expect(new Set(names).size).toBe(2);
      expect(names[1]).toContain("I was charged twice");

      // Tab from the top of the page: the skip links come first, and lead where they say.
      await page.locator("body").focus();
      await page.keyboard.press("Tab");
      await expect(page.getByRole("link", { name: skipList })).toBeFocused();
      await page.keyboard.press("Tab");
      await expect(page.getByRole("button", { name: skipReply })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page.locator("form textarea")).toBeFocused();
      await page.keyboard.press("Escape");
      await page.reload();
      await expect(page.locator("article[data-message-id]").first()).toBeVisible({ timeout: 30_000 });
      await page.keyboard.press("Tab");
      await expect(page.getByRole("link", { name: skipList })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page.locator(`a[data-conversation-id="${conversation.id}"]`)).toBeFocused();

      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test("the day of the messages in view stays pinned above the history while it scrolls", async ({
  page,
}, testInfo) => {
  const token = `sd${testInfo.workerIndex}${Date.now().toString(36)}`;
  const texts = Array.from({ length: 24 }, (_, i) => `Line ${i + 1} of a long story ${token}`);
  const conversation = await createCustomerConversation(`Deniz ${token}`, texts);
  await page.goto(`/inbox/${conversation.id}`);
  const history = page.getByRole("region", { name: "Messages" });
  await expect(page.locator("article[data-message-id]").last()).toBeVisible({ timeout: 30_000 });
  const sticky = page.locator("[data-sticky-day]");
  await history.evaluate((element) => element.scrollTo(0, 0));
  await expect(sticky).toHaveCount(0);
  await history.evaluate((element) => element.scrollTo(0, element.scrollHeight / 2));
  await expect(sticky).toHaveText("Today");
  // The day's own separator is out of view above: the pinned label is what shows the day.
  await expect(page.locator("[data-day-separator]").first()).not.toBeInViewport();
});
