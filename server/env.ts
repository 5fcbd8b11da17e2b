import { z } from "zod";
import { isValidStorageKey } from "@/server/attachments/storage-key";
import { parseAllowedHosts } from "@/server/outbound/allowed-hosts";

/**
 * An AI provider the operator offers to every workspace: its key goes to this base URL and to
 * nothing else, and workspaces pick it by id without ever seeing the key.
 */
export const OperatorProvider = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "lowercase letters, digits, - and _, at most 40"),
    label: z.string().trim().min(1).max(100),
    kind: z.enum(["openai_compatible", "anthropic"]),
    baseUrl: z
      .string()
      .url()
      .refine((url) => /^https?:\/\//i.test(url), "must be an http(s) URL"),
    apiKey: z.string().min(1).optional(),
  })
  .refine((provider) => provider.kind !== "anthropic" || provider.apiKey, {
    message: "an anthropic provider needs its apiKey",
    path: ["apiKey"],
  });
export type OperatorProvider = z.infer<typeof OperatorProvider>;

const OperatorProviders = z
  .string()
  .default("[]")
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "must be a JSON array of providers" });
      return z.NEVER;
    }
  })
  .pipe(z.array(OperatorProvider))
  .refine((list) => new Set(list.map((p) => p.id)).size === list.length, "two providers have the same id");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.string().url(),
    // Connections in the app's own pool, per process (pg-boss and the event bus have their own).
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
    // "off" sends the hot path's statements unnamed: for a pooler in transaction mode that does not
    // track prepared statements (PgBouncer before 1.21, or without max_prepared_statements).
    DATABASE_PREPARED_STATEMENTS: z.enum(["on", "off"]).default("on"),
    // A direct (or session-mode pooler) connection for the event bus's LISTEN, when DATABASE_URL goes
    // through a transaction-mode pooler, which would silently drop LISTEN. Unset: DATABASE_URL.
    EVENT_BUS_DATABASE_URL: z.string().url().optional(),
    NEXTAUTH_SECRET: z.string().min(16),
    NEXTAUTH_URL: z.string().url().optional(),
    // Where attachment bytes live: "local" (files under STORAGE_DIR) or "s3" (an S3-compatible bucket).
    STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
    // Where uploaded files live when the local-disk store is used.
    STORAGE_DIR: z.string().default(".data/storage"),
    S3_BUCKET: z.string().trim().min(1).optional(),
    // "us-east-1" suits AWS's default region, MinIO and Ceph; Cloudflare R2 wants "auto".
    S3_REGION: z.string().trim().min(1).default("us-east-1"),
    // Unset for AWS S3; e.g. https://<account>.r2.cloudflarestorage.com or http://minio:9000.
    S3_ENDPOINT: z
      .string()
      .url()
      .refine((url) => /^https?:\/\//i.test(url), "must be an http(s) URL")
      .optional(),
    // Bucket in the path (MinIO, Ceph and most self-hosted stores) instead of in the host name.
    S3_FORCE_PATH_STYLE: z
      .enum(["true", "false"], { message: 'must be "true" or "false"' })
      .default("false")
      .transform((value) => value === "true"),
    // Both or neither; unset, the AWS SDK's default credential chain (instance role, ~/.aws, AWS_*).
    S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
    // Keys under this folder of the bucket, e.g. "attachments"; the bucket or folder is the app's alone.
    S3_PREFIX: z
      .string()
      .default("")
      .transform((prefix) => prefix.replace(/^\/+|\/+$/g, ""))
      .refine(
        (prefix) => prefix === "" || isValidStorageKey(prefix),
        "letters, digits, - and _ in /-separated folders",
      ),
    ATTACHMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(25 * 1024 * 1024),
    // Comma-separated MIME types or type/* wildcards.
    ATTACHMENT_ALLOWED_TYPES: z
      .string()
      .default(
        "image/*,application/pdf,text/plain,text/csv,application/zip,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,audio/*,video/mp4",
      ),
    // "inline" runs the AI worker inside the app process; "off" leaves it to `npm run worker`.
    AI_WORKER: z.enum(["inline", "off"]).default("inline"),
    AI_MAX_RUNS_PER_CONVERSATION: z.coerce.number().int().positive().default(1),
    AI_RUN_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
    // A run whose worker wrote no heartbeat for this long is taken over by another worker.
    AI_RUN_LEASE_MS: z.coerce.number().int().min(1_000).default(8_000),
    // Provider calls per run before it fails (the first plus retries with exponential backoff).
    AI_RUN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
    // Runs one worker process works on at once.
    AI_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
    // Webhook deliveries one process (the app with AI_WORKER=inline, or `npm run worker`) sends at once.
    WEBHOOK_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(40),
    // Webhook delivery logs are kept this many days.
    WEBHOOK_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    // "postgres" fans live events out through LISTEN/NOTIFY (several app instances);
    // "memory" keeps them in-process (the embedded database, one process).
    EVENT_BUS: z.enum(["postgres", "memory"]).default("postgres"),
    // Hosts the server may reach for a workspace although they resolve to a loopback, private or
    // otherwise refused address: comma-separated `host` or `host:port` (e.g. localhost:11434 for Ollama).
    OUTBOUND_ALLOWED_HOSTS: z
      .string()
      .default("")
      .transform((list, ctx) => {
        try {
          return parseAllowedHosts(list);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
          return z.NEVER;
        }
      }),
    // JSON array of { id, label, kind: "openai_compatible" | "anthropic", baseUrl, apiKey? }.
    AI_PROVIDERS: OperatorProviders,
    // 32 random bytes, base64 (`openssl rand -base64 32`): encrypts workspaces' own AI keys.
    // Unset, workspaces cannot store a key of their own.
    SECRETS_KEY: z
      .string()
      .optional()
      .transform((text, ctx) => {
        if (!text) return undefined;
        const key = Buffer.from(text, "base64");
        if (key.length !== 32 || key.toString("base64") !== text.replace(/\s/g, "")) {
          ctx.addIssue({ code: "custom", message: "must be 32 bytes in base64 (openssl rand -base64 32)" });
          return z.NEVER;
        }
        return key;
      }),
    // Calls (procedures, uploads, downloads) one API key may make per minute, over all instances.
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
    // A JSON request body (tRPC POST) larger than this is refused with 413.
    API_MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(1024 * 1024),
    // All files of one upload request together; unset, the larger of 50 MB and ATTACHMENT_MAX_BYTES.
    ATTACHMENT_MAX_REQUEST_BYTES: z.coerce.number().int().positive().optional(),
    // Sign-in attempts that did not succeed, per account (email) and per client address, in the window.
    SIGN_IN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
    SIGN_IN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(30),
    SIGN_IN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
    // Reverse proxies in front of the app that append to X-Forwarded-For. 0: the header is the
    // client's own word, so no client address is known and sign-in is throttled per account only.
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // Anyone may create an account and a workspace at /sign-up; "false" leaves only invitations
    // and `npm run account:create`.
    OPEN_SIGNUP: z
      .enum(["true", "false"], { message: 'must be "true" or "false"' })
      .default("true")
      .transform((value) => value === "true"),
    // Where invitation mail goes out, e.g. smtp://user:pass@smtp.example.com:587 (smtps:// for TLS
    // from the start). Unset, no mail is sent: the inviter copies the link.
    SMTP_URL: z
      .string()
      .url()
      .refine((url) => /^smtps?:\/\//i.test(url), "must be an smtp:// or smtps:// URL")
      .optional(),
    // The sender of that mail, e.g. "Connect Inbox <inbox@example.com>".
    MAIL_FROM: z.string().trim().min(3).optional(),
  })
  .refine((vars) => vars.STORAGE_DRIVER !== "s3" || vars.S3_BUCKET, {
    message: 'required when STORAGE_DRIVER is "s3"',
    path: ["S3_BUCKET"],
  })
  .refine((vars) => !vars.S3_ACCESS_KEY_ID === !vars.S3_SECRET_ACCESS_KEY, {
    message: "set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together, or neither for the SDK's default chain",
    path: ["S3_SECRET_ACCESS_KEY"],
  });

export type Env = z.infer<typeof EnvSchema>;

let parsed: Env | undefined;

/** The validated environment. Read lazily so that `next build` needs no database. */
export function env(): Env {
  if (!parsed) {
    const result = EnvSchema.safeParse(process.env);
    if (!result.success) {
      const fields = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${fields}`);
    }
    parsed = result.data;
  }
  return parsed;
}

/** Tests that change process.env read it again with this; the app never does. */
export function resetEnv(): void {
  parsed = undefined;
}
