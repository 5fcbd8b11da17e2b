import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { checkCredentials } from "@/server/auth/options";
import { throttledMinutes } from "@/server/auth/sign-in-errors";
import { admitSignInAttempt } from "@/server/auth/sign-in-throttle";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { clientAddress } from "@/server/http/client-address";
import { createTestWorkspace } from "@/server/test/fixtures";

// One trusted proxy for this file, so the route takes the client's address from X-Forwarded-For.
const previousHops = process.env.TRUST_PROXY_HOPS;
process.env.TRUST_PROXY_HOPS = "1";
afterAll(() => {
  if (previousHops === undefined) delete process.env.TRUST_PROXY_HOPS;
  else process.env.TRUST_PROXY_HOPS = previousHops;
});

const unknownEmail = () => `nobody-${randomBytes(5).toString("hex")}@test.connect-inbox.test`;
const testAddress = () => `198.51.100.${randomBytes(1)[0]}-${randomBytes(4).toString("hex")}`;

function signInRequest(email: string, forwardedFor?: string) {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (forwardedFor) headers["x-forwarded-for"] = forwardedFor;
  return POST(
    new NextRequest("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers,
      body: new URLSearchParams({ email, password: "guess", csrfToken: "x", json: "true" }).toString(),
    }),
    { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
  );
}

async function spendAttempts(email: string, address: string | null, count: number) {
  for (let i = 0; i < count; i++)
    expect((await admitSignInAttempt(db(), { email, address })).allowed).toBe(true);
}

describe("the client's address", () => {
  it("is taken from X-Forwarded-For only as far as the operator's proxies vouch for it", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" });
    expect(clientAddress(headers, 0)).toBeNull();
    expect(clientAddress(headers, 1)).toBe("10.0.0.2");
    expect(clientAddress(headers, 2)).toBe("203.0.113.7");
    expect(clientAddress(headers, 4)).toBeNull();
    expect(clientAddress(new Headers(), 1)).toBeNull();
  });
});

describe("sign-in throttling", () => {
  it("answers 429 with Retry-After after 10 attempts on one account, whatever the case of its email", async () => {
    const { owner } = await createTestWorkspace();
    expect(env().SIGN_IN_MAX_FAILURES_PER_ACCOUNT).toBe(10);
    await spendAttempts(owner.email.toUpperCase(), null, 10);
    const response = await signInRequest(` ${owner.email} `);
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const body = (await response.json()) as { url: string };
    // next-auth's signIn() hands the form this `error`, which carries the minutes to wait.
    expect(throttledMinutes(new URL(body.url).searchParams.get("error"))).toBe(15);
    // The right password is refused too while the account waits.
    expect((await admitSignInAttempt(db(), { email: owner.email, address: null })).allowed).toBe(false);
  });

  it("counts an unknown email exactly as a known one", async () => {
    const email = unknownEmail();
    await spendAttempts(email, null, 10);
    expect((await signInRequest(email)).status).toBe(429);
  });

  it("throttles one client address across accounts, and trusts only the entry its proxy wrote", async () => {
    const address = testAddress();
    expect(env().SIGN_IN_MAX_FAILURES_PER_ADDRESS).toBe(30);
    for (let i = 0; i < 30; i++) await spendAttempts(unknownEmail(), address, 1);
    // A client cannot escape by writing its own entries in front of the proxy's.
    expect((await signInRequest(unknownEmail(), `203.0.113.1, ${address}`)).status).toBe(429);
    expect((await admitSignInAttempt(db(), { email: unknownEmail(), address: testAddress() })).allowed).toBe(
      true,
    );
  });

  it("starts an account afresh after a successful sign-in", async () => {
    const { owner } = await createTestWorkspace();
    const address = testAddress();
    await spendAttempts(owner.email, address, 9);
    expect(await checkCredentials(db(), { email: owner.email, password: "wrong" }, address)).toBeNull();
    const user = await checkCredentials(
      db(),
      { email: owner.email.toUpperCase(), password: "password" },
      address,
    );
    expect(user?.id).toBe(owner.userId);
    await spendAttempts(owner.email, address, 10);
    expect((await admitSignInAttempt(db(), { email: owner.email, address })).allowed).toBe(false);
  });

  it("spends the same scrypt work on an unknown email as on a known one", async () => {
    const { owner } = await createTestWorkspace();
    const time = async (email: string) => {
      const started = performance.now();
      expect(await checkCredentials(db(), { email, password: "not it" }, null)).toBeNull();
      return performance.now() - started;
    };
    await time(unknownEmail());
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await time(owner.email));
      unknown.push(await time(unknownEmail()));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[3] ?? 0;
    // Without a dummy hash an unknown email skips scrypt and answers many times sooner.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.6);
    expect(median(unknown)).toBeLessThan(median(known) * 1.6);
  });
});
