import { randomBytes } from "node:crypto";
import { resetEnv } from "@/server/env";

/**
 * Sets (or, with undefined, unsets) environment variables for the tests that follow in this file
 * and makes server/env.ts read them again. Each test file runs in a process of its own.
 */
export function setTestEnv(vars: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnv();
}

/** Lets the server reach these test servers on 127.0.0.1 (by host:port, as an operator would list them). */
export function allowTestServers(...baseUrls: string[]): void {
  setTestEnv({ OUTBOUND_ALLOWED_HOSTS: baseUrls.map((url) => new URL(url).host).join(",") });
}

/** A SECRETS_KEY for this test file. */
export function testSecretsKey(): string {
  return randomBytes(32).toString("base64");
}
