// docs/deploy.md's production setup on one machine: two app instances and one worker on one
// PostgreSQL and one S3-compatible server, sharing nothing else.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createPlatoClient } from "@/client/plato";
import { type Instance, startInstance, startWorker } from "@/e2e/cluster";
import { E2E_PORT, e2eCredentials } from "@/e2e/config";
import { startReceiver } from "@/e2e/webhook-receiver";
import { createFreshDatabase } from "@/scripts/db/fresh-database";
import { prepareDatabase } from "@/scripts/inbox-server";
import { startTestS3Server } from "@/server/attachments/testing/s3-server";
import { pngBytes } from "@/server/test/png";

test.skip(
  !process.env.DATABASE_URL,
  "several instances share a real PostgreSQL (LISTEN/NOTIFY); set DATABASE_URL",
);
test.use({ storageState: { cookies: [], origins: [] } });

const WEBHOOK_MESSAGES = 30;

test("two instances and a worker: a file crosses instances, a live event reaches the other instance's browser, each webhook arrives once", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const stops: (() => Promise<void>)[] = [];
  try {
    const database = await createFreshDatabase(process.env.DATABASE_URL ?? "", "connect_inbox_scale");
    stops.push(database.drop);
    await prepareDatabase(database.url, e2eCredentials);
    const s3 = await startTestS3Server();
    stops.push(s3.close);
    const receiver = await startReceiver();
    stops.push(receiver.close);
    const env = {
      ...s3.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: "scale-out-secret-scale-out-secret",
      EVENT_BUS: "postgres",
      // The instances only enqueue; the worker delivers.
      AI_WORKER: "off",
      OUTBOUND_ALLOWED_HOSTS: "127.0.0.1",
      API_RATE_LIMIT_PER_MINUTE: "100000",
    };
    const [a, b] = (await Promise.all([
      startInstance(E2E_PORT + 20, env),
      startInstance(E2E_PORT + 21, env),
    ])) as [Instance, Instance];
    stops.push(a.stop, b.stop);
    const worker = await startWorker(env);
    stops.push(worker.stop);
    const viaA = createPlatoClient({ baseUrl: a.baseUrl, apiKey: e2eCredentials.apiKey });
    const viaB = createPlatoClient({ baseUrl: b.baseUrl, apiKey: e2eCredentials.apiKey });
    const auth = { authorization: `Bearer ${e2eCredentials.apiKey}` };

    const conversation = await viaA.v1.conversations.create.mutate({
      customer: { name: "Kerem Aydın", email: "kerem@scale.example.com" },
      subject: "Scale-out",
    });

    await test.step("a file uploaded through one instance downloads through the other", async () => {
      const bytes = Buffer.concat([pngBytes(), randomBytes(256 * 1024)]);
      const form = new FormData();
      form.append("file", new Blob([bytes], { type: "image/png" }), "receipt.png");
      const upload = await fetch(`${a.baseUrl}/api/attachments`, {
        method: "POST",
        headers: auth,
        body: form,
      });
      expect(upload.status).toBe(201);
      const { items } = (await upload.json()) as { items: { id: string; url: string }[] };
      const download = await fetch(`${b.baseUrl}${items[0]?.url}`, { headers: auth });
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    });

    await test.step("a message sent through one instance appears live in a browser on the other", async () => {
      const context = await browser.newContext({ baseURL: b.baseUrl });
      stops.push(() => context.close());
      const page = await context.newPage();
      await page.goto("/sign-in");
      await page.locator('input[name="email"]').fill(e2eCredentials.email);
      await page.locator('input[name="password"]').fill(e2eCredentials.password);
      await page.locator('button[type="submit"]').click();
      await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
      await page.goto(`/inbox/${conversation.id}`);
      await expect(page.getByTestId("live-announcements")).toHaveAttribute("data-live", "connected", {
        timeout: 30_000,
      });
      const text = `Sent through ${a.baseUrl}`;
      await viaA.v1.connect.send.mutate({
        conversationId: conversation.id,
        sender: "customer",
        content: { en: text },
      });
      await expect(page.getByRole("main").getByText(text)).toBeVisible({ timeout: 5_000 });
    });

    await test.step("every webhook is delivered exactly once, whichever instance took the message", async () => {
      await viaA.v1.webhooks.create.mutate({ url: receiver.url, events: ["message.created"] });
      const sent = new Set<string>();
      for (let i = 0; i < WEBHOOK_MESSAGES; i++) {
        const via = i % 2 === 0 ? viaA : viaB;
        const message = await via.v1.connect.send.mutate({
          conversationId: conversation.id,
          content: { en: `Reply ${i}` },
        });
        sent.add(message.id);
      }
      await expect
        .poll(() => receiver.received.length, { timeout: 30_000 })
        .toBeGreaterThanOrEqual(WEBHOOK_MESSAGES);
      // Anything delivered twice would arrive within the worker's next polls.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const ids = receiver.received.map((d) => d.headers["webhook-id"]);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(receiver.received.map((d) => String(d.event.data.id)))).toEqual(sent);
    });
  } finally {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(error));
  }
});
