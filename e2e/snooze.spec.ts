import { expect, test } from "@playwright/test";
import { conversationStrings } from "@/components/conversations/strings";
import { keyboardStrings } from "@/components/keyboard/strings";
import { conversationsOnOwnChannel, plato } from "@/e2e/customer-conversation";
import { conversationHeader, openInbox, rowOf } from "@/e2e/inbox-page";
import { seriousViolations } from "@/e2e/ui";

test.describe.configure({ timeout: 120_000 });

function uniqueToken(workerIndex: number): string {
  return `sz${workerIndex}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

async function conversationOnOwnChannel(token: string) {
  const { channel, conversations } = await conversationsOnOwnChannel(token, ["Emre"]);
  const [conversation] = conversations;
  if (!conversation) throw new Error("one conversation");
  return { channel, conversation };
}

for (const locale of ["en", "ar", "tr"] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    const t = conversationStrings[locale];
    const k = keyboardStrings[locale];

    test("S snoozes from the keyboard with a preset; the Snoozed tab counts it and says until when; Reopen brings it back", async ({
      page,
    }, info) => {
      const token = uniqueToken(info.workerIndex);
      const { channel, conversation } = await conversationOnOwnChannel(token);
      await openInbox(page, `/inbox/${conversation.id}?channel=${channel.id}`);
      await expect(conversationHeader(page)).toContainText(`Emre ${token}`);

      await page.locator("body").focus();
      await page.keyboard.press("s");
      const picker = page.getByRole("dialog", { name: t.snoozeTitle });
      const inAnHour = picker.getByRole("button", { name: new RegExp(`^${t.snoozeHour}`) });
      await expect(inAnHour).toBeFocused();
      // The arrow keys move between the presets.
      await page.keyboard.press("ArrowDown");
      await expect(picker.getByRole("button", { name: new RegExp(`^${t.snoozeTonight}`) })).toBeFocused();
      await page.keyboard.press("ArrowUp");
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: info.outputPath(`snooze-picker-${locale}.png`) });
      const before = Date.now();
      await page.keyboard.press("Enter");
      await expect(picker).toBeHidden();

      // Snoozing moves on (nothing else is open under this channel), and the Open tab no longer holds it.
      await expect(rowOf(page, conversation.id)).toHaveCount(0);
      await expect(page.getByTestId("count-open")).toHaveText("0");
      // The tabs move at once; the server's answer may come a moment later.
      await expect
        .poll(async () => (await plato.v1.conversations.get.query({ id: conversation.id })).status)
        .toBe("snoozed");
      const state = await plato.v1.conversations.get.query({ id: conversation.id });
      const until = Date.parse(state.snoozedUntil ?? "");
      expect(until - before).toBeGreaterThan(59 * 60_000);
      expect(until - before).toBeLessThan(61 * 60_000 + 10_000);

      // g z: the Snoozed tab, its count, and the row saying until when in the member's language.
      await page.locator("body").focus();
      await page.keyboard.press("g");
      await page.keyboard.press("z");
      await expect(page.getByRole("tab", { name: new RegExp(t.snoozed) })).toHaveAttribute(
        "aria-selected",
        "true",
      );
      await expect(page.getByTestId("count-snoozed")).toHaveText("1");
      const untilText = t.snoozedUntil.replace(
        "{time}",
        new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(until)),
      );
      await expect(rowOf(page, conversation.id)).toContainText(untilText);
      await rowOf(page, conversation.id).click();
      await expect(conversationHeader(page)).toContainText(untilText);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: info.outputPath(`snoozed-${locale}.png`) });

      // The palette's Reopen ends the snooze.
      await page.locator("body").focus();
      await page.keyboard.press("Control+k");
      await expect(page.getByRole("dialog", { name: k.paletteTitle })).toBeVisible();
      await page.keyboard.type(t.reopen);
      // "Resolve or reopen" (E) matches too: the arrow keys go to the conversation's own Reopen.
      const reopen = page.getByRole("option", { name: t.reopen, exact: true });
      await expect(reopen).toBeVisible();
      for (let i = 0; i < 5 && (await reopen.getAttribute("aria-selected")) !== "true"; i++) {
        await page.keyboard.press("ArrowDown");
      }
      await expect(reopen).toHaveAttribute("aria-selected", "true");
      await page.keyboard.press("Enter");
      await expect(conversationHeader(page)).not.toContainText(untilText);
      await expect(page.getByTestId("count-snoozed")).toHaveText("0");
      await expect(page.getByTestId("count-open")).toHaveText("1");
      await expect
        .poll(async () => {
          const { status, snoozedUntil } = await plato.v1.conversations.get.query({ id: conversation.id });
          return { status, snoozedUntil };
        })
        .toEqual({ status: "open", snoozedUntil: null });
    });
  });
}

test("a date and time of one's own: a past one is refused in place, a future one snoozes until then", async ({
  page,
}, info) => {
  const token = uniqueToken(info.workerIndex);
  const { channel, conversation } = await conversationOnOwnChannel(token);
  await openInbox(page, `/inbox/${conversation.id}?channel=${channel.id}`);
  await conversationHeader(page).getByRole("button", { name: "Snooze" }).click();
  const picker = page.getByRole("dialog", { name: "Snooze until" });
  const field = picker.getByLabel("Date and time");
  await field.fill("2020-01-01T09:00");
  await picker.getByRole("button", { name: "Snooze until then" }).click();
  await expect(picker.getByRole("alert")).toHaveText("Pick a time in the future, at most a year from now.");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const next = new Date(Date.now() + 3 * 24 * 3600_000);
  const local = `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, "0")}-${String(next.getDate()).padStart(2, "0")}T10:15`;
  await field.fill(local);
  await field.press("Enter");
  await expect(picker).toBeHidden();
  await expect
    .poll(async () => (await plato.v1.conversations.get.query({ id: conversation.id })).snoozedUntil)
    .toBe(new Date(await page.evaluate((value) => new Date(value).toISOString(), local)).toISOString());
});
