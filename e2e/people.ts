import { randomBytes } from "node:crypto";
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "@/e2e/config";

export const PEOPLE_PASSWORD = "journey secret 2026";

/** A unique email address for this run, worker and test. */
export function uniqueEmail(who: string, workerIndex: number): string {
  return `${who}-w${workerIndex}-${Date.now().toString(36)}${randomBytes(3).toString("hex")}@people.e2e.test`;
}

/** A tRPC mutation over plain HTTP, as any client makes it; the cookies are the request context's. */
export async function mutate<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.post(`${E2E_BASE_URL}/api/trpc/${path}`, {
    data: input,
    headers: { origin: E2E_BASE_URL, "content-type": "application/json" },
  });
  const body = await response.json();
  if (!response.ok()) throw new Error(`${path}: ${response.status()} ${JSON.stringify(body)}`);
  return body.result.data as T;
}

/** Someone who signed up with a workspace of their own (through the same API the page uses). */
export async function signedUpOwner(request: APIRequestContext, workerIndex: number, workspaceName: string) {
  const email = uniqueEmail("owner", workerIndex);
  const created = await mutate<{ workspace: { id: string; name: string } }>(request, "v1.signUp.create", {
    name: `Owner ${workspaceName}`,
    email,
    password: PEOPLE_PASSWORD,
    workspaceName,
  });
  return { email, name: `Owner ${workspaceName}`, workspace: created.workspace };
}

/** Signs this page's context in through the sign-in form. */
export async function signInAs(page: Page, email: string, callbackUrl?: string): Promise<void> {
  await page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PEOPLE_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 20_000 });
}
