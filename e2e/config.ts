import { existsSync } from "node:fs";

// E2E_PORT lets two runs (two checkouts, or a run beside `npm start`) share a machine.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

export const e2eCredentials = {
  email: "owner@e2e.connect-inbox.test",
  password: "e2e-password-1",
  apiKey: "ci_e2e_key_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
};

/** Per port, so two runs side by side never sign in with each other's session. */
export const OWNER_STORAGE_STATE = `e2e/.auth/owner-${E2E_PORT}.json`;

/** The operator's provider the e2e server declares; nothing listens there (only the settings use it). */
export const E2E_OPERATOR_PROVIDER = {
  id: "e2e-house",
  label: "House model (e2e)",
  kind: "openai_compatible",
  baseUrl: "http://127.0.0.1:9/v1",
  apiKey: "sk-e2e-operator-key",
} as const;

/** An agent as the migration of 2026-12-05 leaves one that named a server variable for its key. */
export const E2E_BLOCKED_AGENT = "Legacy agent (blocked)";

/**
 * The browser the tests (and the inbox benchmark) drive: CHROMIUM_PATH, else Debian's
 * chromium-headless-shell, what Playwright itself runs headless (about a quarter less CPU than
 * the full browser's headless mode, measured on these specs; the browser tests are CPU-bound on
 * 2-core runners), else the full chromium. Undefined: Playwright's own download, if any.
 */
export function chromiumExecutable(): string | undefined {
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find(
    (path): path is string => Boolean(path && existsSync(path)),
  );
}
