import { afterEach, describe, expect, it } from "vitest";
import { env } from "@/server/env";
import { setTestEnv } from "@/server/test/env";

const SAVED = {
  SECRETS_KEY: process.env.SECRETS_KEY,
  AI_PROVIDERS: process.env.AI_PROVIDERS,
  OUTBOUND_ALLOWED_HOSTS: process.env.OUTBOUND_ALLOWED_HOSTS,
  STORAGE_DRIVER: process.env.STORAGE_DRIVER,
  S3_BUCKET: process.env.S3_BUCKET,
  S3_ENDPOINT: process.env.S3_ENDPOINT,
  S3_ACCESS_KEY_ID: process.env.S3_ACCESS_KEY_ID,
  S3_SECRET_ACCESS_KEY: process.env.S3_SECRET_ACCESS_KEY,
  S3_PREFIX: process.env.S3_PREFIX,
  S3_FORCE_PATH_STYLE: process.env.S3_FORCE_PATH_STYLE,
};
afterEach(() => setTestEnv(SAVED));

/** What env() says about a bad setting: the variable named, its value never repeated. */
function refusal(vars: Record<string, string | undefined>): string {
  setTestEnv(vars);
  try {
    env();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the environment to be refused");
}

const provider = {
  id: "openai",
  label: "OpenAI",
  kind: "openai_compatible",
  baseUrl: "https://api.openai.com/v1",
};

describe("env: outbound and AI provider settings", () => {
  it("reads the operator's providers, allowed hosts and secrets key", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    setTestEnv({
      SECRETS_KEY: key,
      AI_PROVIDERS: JSON.stringify([{ ...provider, apiKey: "sk-op" }]),
      OUTBOUND_ALLOWED_HOSTS: "localhost:11434, 10.0.0.5",
    });
    const config = env();
    expect(config.SECRETS_KEY).toEqual(Buffer.alloc(32, 7));
    expect(config.AI_PROVIDERS).toEqual([{ ...provider, apiKey: "sk-op" }]);
    expect(config.OUTBOUND_ALLOWED_HOSTS).toEqual([
      { hostname: "localhost", port: 11434 },
      { hostname: "10.0.0.5", port: null },
    ]);
    setTestEnv({ SECRETS_KEY: undefined, AI_PROVIDERS: undefined, OUTBOUND_ALLOWED_HOSTS: undefined });
    const unset = env();
    expect(unset.SECRETS_KEY).toBeUndefined();
    expect(unset).toMatchObject({ AI_PROVIDERS: [], OUTBOUND_ALLOWED_HOSTS: [] });
  });

  it("refuses a secrets key that is not 32 bytes of base64, without repeating it", () => {
    const short = Buffer.alloc(16, 1).toString("base64");
    const message = refusal({ SECRETS_KEY: short });
    expect(message).toContain("SECRETS_KEY: must be 32 bytes");
    expect(message).not.toContain(short);
    expect(refusal({ SECRETS_KEY: "not base64 at all!" })).toContain("SECRETS_KEY");
  });

  it("refuses malformed providers without repeating their keys", () => {
    expect(refusal({ AI_PROVIDERS: "{not json" })).toContain("AI_PROVIDERS: must be a JSON array");
    const anthropicWithoutKey = refusal({
      AI_PROVIDERS: JSON.stringify([{ ...provider, kind: "anthropic" }]),
    });
    expect(anthropicWithoutKey).toContain("needs its apiKey");
    const twice = refusal({
      AI_PROVIDERS: JSON.stringify([
        { ...provider, apiKey: "sk-first-secret" },
        { ...provider, apiKey: "sk-second-secret" },
      ]),
    });
    expect(twice).toContain("two providers have the same id");
    expect(twice).not.toContain("sk-");
    expect(refusal({ AI_PROVIDERS: JSON.stringify([{ ...provider, baseUrl: "ftp://x" }]) })).toContain(
      "http(s)",
    );
  });

  it("refuses a malformed allowed host", () => {
    expect(refusal({ OUTBOUND_ALLOWED_HOSTS: "ok.example, http://bad.example/" })).toContain(
      'OUTBOUND_ALLOWED_HOSTS: "http://bad.example/" is not a host or host:port',
    );
  });
});

describe("env: database connections", () => {
  afterEach(() =>
    setTestEnv({
      DATABASE_POOL_MAX: undefined,
      EVENT_BUS_DATABASE_URL: undefined,
      DATABASE_PREPARED_STATEMENTS: undefined,
    }),
  );

  it("sizes the app's pool and gives the event bus its own address when asked", () => {
    setTestEnv({ DATABASE_POOL_MAX: undefined, EVENT_BUS_DATABASE_URL: undefined });
    expect(env().DATABASE_POOL_MAX).toBe(10);
    expect(env().EVENT_BUS_DATABASE_URL).toBeUndefined();
    setTestEnv({ DATABASE_POOL_MAX: "25", EVENT_BUS_DATABASE_URL: "postgres://db-direct:5432/inbox" });
    expect(env()).toMatchObject({
      DATABASE_POOL_MAX: 25,
      EVENT_BUS_DATABASE_URL: "postgres://db-direct:5432/inbox",
    });
    expect(refusal({ DATABASE_POOL_MAX: "0" })).toMatch(/^Invalid environment: DATABASE_POOL_MAX: /);
  });

  it("prepares the hot statements by name unless told off, and refuses another word", () => {
    setTestEnv({ DATABASE_PREPARED_STATEMENTS: undefined });
    expect(env().DATABASE_PREPARED_STATEMENTS).toBe("on");
    expect(refusal({ DATABASE_PREPARED_STATEMENTS: "false" })).toContain("DATABASE_PREPARED_STATEMENTS");
  });
});

describe("env: attachment storage", () => {
  it("keeps local disk the default and reads an S3-compatible bucket's settings", () => {
    setTestEnv({ STORAGE_DRIVER: undefined });
    expect(env().STORAGE_DRIVER).toBe("local");
    setTestEnv({
      STORAGE_DRIVER: "s3",
      S3_BUCKET: "inbox-files",
      S3_ENDPOINT: "https://account.r2.cloudflarestorage.com",
      S3_FORCE_PATH_STYLE: "true",
      S3_PREFIX: "/attachments/",
    });
    expect(env()).toMatchObject({
      STORAGE_DRIVER: "s3",
      S3_BUCKET: "inbox-files",
      S3_REGION: "us-east-1",
      S3_FORCE_PATH_STYLE: true,
      S3_PREFIX: "attachments",
    });
  });

  it("refuses an S3 store without a bucket, half a key pair, or a prefix that is not a folder", () => {
    expect(refusal({ STORAGE_DRIVER: "s3", S3_BUCKET: "" })).toContain("S3_BUCKET");
    expect(refusal({ STORAGE_DRIVER: "s3", S3_BUCKET: "b", S3_ACCESS_KEY_ID: "AKIA" })).toContain(
      "S3_SECRET_ACCESS_KEY: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together",
    );
    expect(refusal({ S3_ACCESS_KEY_ID: undefined, S3_PREFIX: "../up" })).toContain("S3_PREFIX");
    expect(refusal({ S3_PREFIX: "", S3_FORCE_PATH_STYLE: "yes" })).toContain("S3_FORCE_PATH_STYLE");
    expect(refusal({ S3_FORCE_PATH_STYLE: "false", STORAGE_DRIVER: "minio" })).toContain("STORAGE_DRIVER");
  });
});
