import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { createPlatoClient } from "@/client/plato";
import { E2E_BASE_URL, e2eCredentials } from "@/e2e/config";
import { pngBytes } from "@/server/test/png";

const plato = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: e2eCredentials.apiKey });
const FIRST_PAINT = { timeout: 60_000 };
test.describe.configure({ timeout: 120_000 });

// A third party's image host, as far as the app knows (the e2e server allows 127.0.0.1).
let imageHost: { server: Server; url: string; requests: number };
test.beforeAll(async () => {
  const server = createServer((_req, res) => {
    imageHost.requests++;
    res.writeHead(200, { "content-type": "image/png" }).end(pngBytes(4, 4));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  imageHost = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: 0 };
});
test.afterAll(() => new Promise<void>((resolve) => imageHost.server.close(() => resolve())));

test("customer avatars load from the app's own origin, and show initials when the image cannot be served", async ({
  page,
}, info) => {
  const suffix = `${info.workerIndex}-${Date.now()}`;
  const pictured = await plato.v1.conversations.create.mutate({
    customer: {
      name: `Pictured Person ${suffix}`,
      email: `pictured-${suffix}@example.com`,
      image: `${imageHost.url}/face-${suffix}.png`,
    },
    subject: `Avatar ${suffix}`,
  });
  const refused = await plato.v1.conversations.create.mutate({
    customer: {
      name: "Zed Refused",
      email: `refused-${suffix}@example.com`,
      image: "http://169.254.169.254/latest/meta-data/avatar.png",
    },
    subject: `Avatar refused ${suffix}`,
  });
  const browserRequests: string[] = [];
  page.on("request", (request) => browserRequests.push(request.url()));

  await page.goto(`/inbox/${pictured.id}`);
  const row = page.locator(`a[data-conversation-id="${pictured.id}"]`);
  await expect(row).toBeVisible(FIRST_PAINT);
  const image = row.locator("img");
  await expect(image).toHaveAttribute("src", /^\/api\/customers\/[^/]+\/avatar\?v=/);
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), FIRST_PAINT)
    .toBe(4);
  expect(imageHost.requests).toBeGreaterThan(0);

  await page.goto(`/inbox/${refused.id}`);
  const refusedRow = page.locator(`a[data-conversation-id="${refused.id}"]`);
  await expect(refusedRow).toBeVisible(FIRST_PAINT);
  await expect(refusedRow.locator("img")).toHaveCount(0);
  await expect(refusedRow).toContainText("ZR");

  // The browser itself never contacted either image host.
  const origin = new URL(E2E_BASE_URL).origin;
  expect(browserRequests.filter((url) => !url.startsWith(origin) && !url.startsWith("data:"))).toEqual([]);
});
