import { expect, test } from "@playwright/test";
import { E2E_BASE_URL } from "./config";
import { ELIF_EMAIL, signInFresh } from "./sign-in";

test.describe("sessions end on the server", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a session cookie copied before sign-out stops working after it", async ({ page, browser }) => {
    await signInFresh(page);
    const copied = await page.context().cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    const thief = await browser.newContext();
    try {
      await thief.addCookies(copied);
      const stolen = await thief.newPage();
      await stolen.goto("/inbox");
      await expect(stolen).toHaveURL(/\/sign-in/);
      const api = await thief.request.get("/api/trpc/v1.workspace.me");
      expect(api.status()).toBe(401);
    } finally {
      await thief.close();
    }
  });

  test("signing out everywhere from Settings ends the other browser's session too", async ({
    page,
    browser,
  }) => {
    const other = await browser.newContext();
    try {
      const otherPage = await other.newPage();
      await signInFresh(otherPage, { email: ELIF_EMAIL });
      await signInFresh(page, { email: ELIF_EMAIL, callbackUrl: "/settings/account" });
      await expect(page).toHaveURL(/\/settings\/account$/);
      await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
      await page.getByRole("button", { name: "Sign out everywhere" }).click();
      const dialog = page.getByRole("dialog", { name: "Sign out of every browser?" });
      await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
      await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
      await expect(page).toHaveURL(/\/sign-in/);
      await otherPage.goto("/inbox");
      await expect(otherPage).toHaveURL(/\/sign-in/);
    } finally {
      await other.close();
    }
  });

  test("after sign-in, only a path on this site is followed", async ({ page }) => {
    for (const attempt of [
      "/\\evil.example",
      "/%09/evil.example",
      "//evil.example",
      "https://evil.example/",
    ]) {
      await page.context().clearCookies();
      await signInFresh(page, { callbackUrl: decodeURIComponent(attempt) });
      await expect(page).toHaveURL(`${E2E_BASE_URL}/inbox`);
    }
  });
});

test("a wrong current password is named in the member's language, from the keyboard", async ({ page }) => {
  await page.goto("/settings/account");
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("a brand new passphrase");
  await page.getByLabel("New password").press("Enter");
  await expect(page.getByText("This is not your current password.")).toBeVisible();
  await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
});

test("pages carry a nonce-based CSP that stops injected script, and the inbox still works under it", async ({
  page,
}) => {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (directive: string) => violations.push(directive));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { reportCspViolation: (d: string) => void }).reportCspViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      ),
    );
  });
  const response = await page.goto("/inbox");
  const html = (await response?.text()) ?? "";
  const headers = response?.headers() ?? {};
  const policy = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");

  // The inbox works: its scripts ran (the list is there and a conversation opens).
  const firstRow = page.getByRole("listitem").first();
  await expect(firstRow).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press("j");
  await expect(page).toHaveURL(/\/inbox\/.+/);
  // Every script the server sent carries the nonce; what loads later (the app's lazily loaded
  // chunks, trusted through 'strict-dynamic') comes from the app's own static files, and ran.
  const served = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(served.length).toBeGreaterThan(0);
  expect(served.filter((tag) => !/\snonce=/.test(tag))).toEqual([]);
  const added = await page
    .locator("script:not([nonce])")
    .evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).src));
  for (const src of added) expect(new URL(src).pathname).toMatch(/^\/_next\/static\/chunks\//);
  expect(violations).toEqual([]);

  // Markup that slipped through (stored XSS) cannot run: inline handlers are not allowed.
  await page.evaluate(() => {
    const holder = document.createElement("div");
    holder.innerHTML = `<img src="/missing.png" onerror="window.injected = true">`;
    document.body.append(holder);
  });
  await expect.poll(() => violations.some((v) => v.startsWith("script-src"))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  expect(violations.filter((v) => !v.startsWith("script-src"))).toEqual([]);
});

test("an upload or a workspace switch from another origin is refused", async ({ page }) => {
  await page.goto("/inbox");
  const me = await page.request.get("/api/trpc/v1.workspace.me");
  const workspaceId = (await me.json()).result.data.workspace.id;
  const crossSite = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
  const upload = await page.request.post("/api/attachments", {
    headers: crossSite,
    multipart: { file: { name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("hello") } },
  });
  expect(upload.status()).toBe(403);
  const switched = await page.request.post("/api/workspace/switch", {
    headers: crossSite,
    data: { workspaceId },
  });
  expect(switched.status()).toBe(403);
});
