import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["server/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"],
    globalSetup: ["./server/test/global-setup.ts"],
    setupFiles: ["./server/test/setup-env.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    // Two files at once even on two cores: the tests mostly wait on PostgreSQL (232 → 158 s here).
    // Every file makes its own workspaces, so they do not see each other's rows.
    maxWorkers: 2,
  },
});
