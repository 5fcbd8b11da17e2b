import { expect, test } from "@playwright/test";
import { createPlatoClient } from "@/client/plato";
import { E2E_BASE_URL, e2eCredentials } from "@/e2e/config";

const plato = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: e2eCredentials.apiKey });
test.describe.configure({ timeout: 90_000 });

function uniqueToken(workerIndex: number): string {
  return `tr${workerIndex}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

test.describe("Arabic", () => {
  test.use({ locale: "ar" });

  test("the layout is mirrored: rtl document, the list on the right, details on the left", async ({
    page,
  }) => {
    await page.goto("/inbox");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.getByRole("button", { name: "تسجيل الخروج" })).toBeVisible();
    const row = page.locator("a[data-conversation-id]").first();
    await expect(row).toBeVisible({ timeout: 30_000 });
    await row.click();
    await expect(page.locator("article[data-message-id]").first()).toBeVisible({ timeout: 30_000 });
    const list = await page.getByRole("navigation", { name: "المحادثات" }).boundingBox();
    const main = await page.getByRole("main").boundingBox();
    const details = await page.getByRole("complementary", { name: "التفاصيل" }).boundingBox();
    if (!list || !main || !details) throw new Error("the three columns are not all laid out");
    expect(list.x).toBeGreaterThan(main.x + main.width - 1);
    expect(details.x + details.width).toBeLessThanOrEqual(main.x + 1);
    // Times follow the Arabic locale (ص / م for AM / PM).
    await expect(page.locator("article time").first()).toHaveText(/[صم]/);
  });

  test("the composer's Arabic hint keeps its ellipsis at its end in a left-to-right reply tab", async ({
    page,
  }, info) => {
    const token = uniqueToken(info.workerIndex);
    const conversation = await plato.v1.conversations.create.mutate({
      customer: { name: `Noah ${token}`, email: `noah.${token}@e2e.example.com`, externalId: `e2e_${token}` },
      channelIdentifier: "example.com",
      subject: `Hint ${token}`,
    });
    await plato.v1.connect.send.mutate({
      conversationId: conversation.id,
      content: { en: "Hello" },
      sender: "customer",
    });
    await page.goto(`/inbox/${conversation.id}`);
    await expect(page.locator("article[data-message-id]").first()).toBeVisible({ timeout: 30_000 });
    const textarea = page.locator("form textarea");
    await page.keyboard.press("KeyN");
    await expect(textarea).toHaveAttribute("placeholder", /…/);
    // The reply follows the customer's English: an Arabic hint in a left-to-right box.
    await expect(textarea).toHaveAttribute("lang", "en");
    await expect(textarea).toHaveAttribute("dir", "ltr");
    // The placeholder itself cannot be measured: lay its text out in a box of the textarea's
    // direction, as the browser does, and find where "…" lands against the first letter.
    const at = await textarea.evaluate((element: HTMLTextAreaElement) => {
      const probe = document.createElement("div");
      probe.dir = element.dir;
      probe.style.cssText = "position:absolute;white-space:pre";
      probe.textContent = element.placeholder;
      document.body.append(probe);
      const text = probe.firstChild as Text;
      const x = (index: number) => {
        const range = document.createRange();
        range.setStart(text, index);
        range.setEnd(text, index + 1);
        return range.getBoundingClientRect().x;
      };
      const result = {
        ellipsis: x(element.placeholder.indexOf("…")),
        first: x(element.placeholder.search(/\p{L}/u)),
      };
      probe.remove();
      return result;
    });
    // Arabic reads right to left: its end, the "…", is on the left of its first letter.
    expect(at.ellipsis).toBeLessThan(at.first);
  });
});

test.describe("Turkish", () => {
  test.use({ locale: "tr-TR" });

  test("labels, relative times and the palette speak Turkish, dotted and dotless i included", async ({
    page,
  }, info) => {
    const token = uniqueToken(info.workerIndex);
    const conversation = await plato.v1.conversations.create.mutate({
      customer: {
        name: `İpek Işık ${token}`,
        email: `ipek.${token}@e2e.example.com`,
        externalId: `e2e_${token}`,
      },
      channelIdentifier: "example.com",
      subject: `İade talebi ${token}`,
    });
    await plato.v1.connect.send.mutate({
      conversationId: conversation.id,
      content: { tr: "Merhaba, iade istiyorum." },
      sender: "customer",
    });
    await page.goto("/inbox");
    await expect(page.locator("html")).toHaveAttribute("lang", "tr");
    await expect(page.getByRole("button", { name: "Çıkış yap" })).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "Kısayollar" })).toBeVisible();
    await expect(page.getByRole("tab", { name: /^Açık/ })).toBeVisible();

    // Turkish İ: lower-case "ipek ışık" finds "İpek Işık".
    await page.getByRole("searchbox").fill(`ipek ışık ${token}`);
    const row = page.locator(`a[data-conversation-id="${conversation.id}"]`);
    await expect(row).toBeVisible({ timeout: 30_000 });
    await expect(row).toContainText(/(şimdi|saniye|sn\.|dk\.|önce)/);
    await row.click();
    await expect(page.locator("article[data-message-id]").first()).toBeVisible({ timeout: 30_000 });
    await expect(page.locator("[data-day-separator]").first()).toHaveText("Bugün");

    // Upper-case "KISAYOL" only matches "kısayol" when folded with Turkish rules.
    await page.keyboard.press("Control+KeyK");
    const palette = page.getByRole("dialog", { name: "Komut paleti" });
    await page.keyboard.type("KISAYOL");
    await expect(palette.getByRole("option", { name: /Klavye kısayollarını/ }).first()).toBeVisible();
    await page.keyboard.press("Escape");

    await page.keyboard.press("Shift+Slash");
    const help = page.getByRole("dialog", { name: "Klavye kısayolları" });
    await expect(help.getByText("Sonraki konuşma", { exact: true })).toBeVisible();
    // The group headings are upper-cased by CSS: Turkish rules need lang="tr" on the way up.
    const heading = help.getByRole("heading", { name: "Yanıtlama" });
    expect(await heading.evaluate((el) => el.closest("[lang]")?.getAttribute("lang"))).toBe("tr");
    // The key for "assign to me" is the one printed I on this (US) keyboard, not İ: keycaps
    // follow the keyboard's language, not the UI's.
    const assign = help.locator("dl > div", { has: page.locator("dt", { hasText: /^Bana ata$/ }) });
    await expect(assign.locator("kbd")).toHaveText("I");
  });
});
