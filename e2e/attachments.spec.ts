import { writeFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { createPlatoClient } from "@/client/plato";
import { E2E_BASE_URL, e2eCredentials } from "@/e2e/config";
import { pngBytes } from "@/server/test/png";

const api = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: e2eCredentials.apiKey });
// A cold page on a busy 2-core machine can take well over expect's default 7 s to show its first rows.
const FIRST_PAINT = { timeout: 60_000 };
test.describe.configure({ timeout: 150_000 });

async function openFreshConversation(page: Page) {
  const suffix = `${test.info().workerIndex}-${Date.now()}`;
  const { id } = await api.v1.conversations.create.mutate({
    customer: { name: "Ayşe Çelik", email: `attachments-${suffix}@example.com` },
    subject: `Attachments ${suffix}`,
  });
  await api.v1.connect.send.mutate({
    conversationId: id,
    sender: "customer",
    content: { en: "Here is the photo." },
  });
  await page.goto(`/inbox/${id}`);
  await expect(page.locator("article")).toHaveCount(1, FIRST_PAINT);
  return id;
}

test("files over the limit or of a refused type are explained before anything is uploaded", async ({
  page,
}) => {
  const policy = await api.v1.messages.uploadPolicy.query();
  await openFreshConversation(page);
  let uploads = 0;
  page.on("request", (request) => {
    if (request.url().endsWith("/api/attachments")) uploads += 1;
  });
  // From disk: a buffer this large would be copied through the browser protocol.
  const large = test.info().outputPath("scan.pdf");
  await writeFile(large, Buffer.alloc(policy.maxBytes + 1, 0x25));
  await page.getByTestId("attach-input").setInputFiles(large);
  await page
    .getByTestId("attach-input")
    .setInputFiles({ name: "setup.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ") });
  const refusals = page.locator('[data-upload-state="refused"]');
  await expect(refusals).toHaveCount(2);
  await expect(refusals.nth(0)).toContainText("“scan.pdf” is 25 MB; a file can be at most 25 MB.");
  await expect(refusals.nth(1)).toContainText("“setup.exe” (program) can't be attached.");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(
    page
      .getByRole("form", { name: "Reply to the customer" })
      .getByRole("alert")
      .filter({ hasText: "Write a message" }),
  ).toBeVisible();
  expect(uploads).toBe(0);
});

test("an image attached by button, paste or drop uploads, and previews inline in the sent message", async ({
  page,
}) => {
  const conversationId = await openFreshConversation(page);
  await page
    .getByTestId("attach-input")
    .setInputFiles({ name: "label.png", mimeType: "image/png", buffer: pngBytes(64, 48) });
  const tray = page.locator("[data-draft-attachment]");
  await expect(tray).toHaveCount(1);

  const pasted = pngBytes(20, 20).toString("base64");
  await page.getByRole("textbox", { name: "Message in English" }).evaluate((textarea, base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], "image.png", { type: "image/png" }));
    textarea.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, pasted);
  await expect(tray).toHaveCount(2);

  await page.locator("[data-conversation]").evaluate((pane, base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], "receipt.txt", { type: "text/plain" }));
    for (const type of ["dragenter", "dragover", "drop"]) {
      pane.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, Buffer.from("Order 4471, paid.").toString("base64"));
  await expect(tray).toHaveCount(3);

  await page.getByRole("textbox", { name: "Message in English" }).fill("The label and the receipt.");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const sent = page.locator("article:not([data-pending])", { hasText: "The label and the receipt." });
  const previews = sent.locator("img[data-attachment-preview]");
  await expect(previews).toHaveCount(2);
  await expect
    .poll(() => previews.first().evaluate((img) => (img as HTMLImageElement).naturalWidth))
    .toBe(64);
  await expect(sent.locator("[data-attachment-file]")).toContainText("receipt.txt");
  await expect(tray).toHaveCount(0);

  const [message] = (await api.v1.connect.listMessages.query({ conversationId, limit: 5 })).items.filter(
    (m) => m.sender.type === "member",
  );
  expect(message?.attachments.map((a) => a.fileName).sort()).toEqual([
    "image.png",
    "label.png",
    "receipt.txt",
  ]);
});
