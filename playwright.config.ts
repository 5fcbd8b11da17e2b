import { defineConfig, devices } from "@playwright/test";
import { chromiumExecutable, E2E_BASE_URL, OWNER_STORAGE_STATE } from "./e2e/config";

const chromium = chromiumExecutable();

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // One retry: on a shared 2-core runner a journey can lose a race with the machine, not the
  // product. A test that passes only on retry is reported as flaky in the list and in the summary.
  retries: 1,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromium ? { executablePath: chromium } : {},
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], storageState: OWNER_STORAGE_STATE },
      dependencies: ["setup"],
      testIgnore: /signed-out\.spec\.ts/,
    },
    { name: "signed-out", use: { ...devices["Desktop Chrome"] }, testMatch: /signed-out\.spec\.ts/ },
  ],
  webServer: {
    command: "npx tsx e2e/serve.ts",
    url: `${E2E_BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 600_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
