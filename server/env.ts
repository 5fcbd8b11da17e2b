import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url(),
  NEXTAUTH_SECRET: z.string().min(16),
  NEXTAUTH_URL: z.string().url().optional(),
  // Where uploaded files live when the local-disk store is used.
  STORAGE_DIR: z.string().default(".data/storage"),
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
  // Provider calls per run before it fails (the first plus retries with exponential backoff).
  AI_RUN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  // Runs one worker process works on at once.
  AI_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  // "postgres" fans live events out through LISTEN/NOTIFY (several app instances);
  // "memory" keeps them in-process (the embedded database, one process).
  EVENT_BUS: z.enum(["postgres", "memory"]).default("postgres"),
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

/**
 * What an agent's `apiKeyEnv` may name. Only `*_API_KEY` variables: a workspace admin chooses
 * both the name and the endpoint, so any other name could send DATABASE_URL or NEXTAUTH_SECRET
 * to a server of their choosing. SEED_API_KEY is the demo owner's own key.
 */
export const AI_API_KEY_ENV_NAME = /^(?!SEED_)[A-Z][A-Z0-9_]{0,90}_API_KEY$/;

/** The secret an AI agent's `apiKeyEnv` names; undefined when unset or not an allowed name. */
export function aiApiKey(name: string): string | undefined {
  if (!AI_API_KEY_ENV_NAME.test(name)) return undefined;
  return process.env[name] || undefined;
}
