// `npm test`: every check, in order of cost. Runs them all, then exits non-zero if any failed.
// With DATABASE_URL set, server and browser tests each make a fresh database on that
// server; without it, each starts an embedded PostgreSQL of its own.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const REPORTS = path.join(ROOT, "test-results/reports");
const only = process.argv.slice(2);

type Counts = { passed: number; failed: number; skipped: number; flaky?: number };
type Step = { name: string; command: string[]; env?: Record<string, string>; counts?: () => Counts };

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

function vitestCounts(): Counts {
  const report = readJson(path.join(REPORTS, "vitest.json")) as {
    numPassedTests?: number;
    numFailedTests?: number;
    numPendingTests?: number;
  } | null;
  return {
    passed: report?.numPassedTests ?? 0,
    failed: report?.numFailedTests ?? 0,
    skipped: report?.numPendingTests ?? 0,
  };
}

function playwrightCounts(): Counts {
  const report = readJson(path.join(REPORTS, "playwright.json")) as {
    stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
  } | null;
  const stats = report?.stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
    flaky: stats.flaky ?? 0,
  };
}

const steps: Step[] = [
  { name: "typecheck", command: ["npx", "tsc", "--noEmit"] },
  { name: "lint", command: ["npx", "biome", "ci", "."] },
  {
    name: "server",
    command: [
      "npx",
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${path.join(REPORTS, "vitest.json")}`,
    ],
    counts: vitestCounts,
  },
  // Built here rather than inside Playwright's web server, so a slow build is not cut short by its start timeout.
  {
    name: "build",
    command: ["node", "node_modules/next/dist/bin/next", "build"],
    env: { NEXT_TELEMETRY_DISABLED: "1" },
  },
  {
    name: "e2e",
    command: ["npx", "playwright", "test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(REPORTS, "playwright.json") },
    counts: playwrightCounts,
  },
];

function run(step: Step): Promise<number> {
  return new Promise((resolve) => {
    const [command, ...args] = step.command;
    if (!command) return resolve(1);
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...step.env } });
    child.on("exit", (code) => resolve(code ?? 1));
    child.on("error", () => resolve(1));
  });
}

async function main() {
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  const results: { name: string; ok: boolean; counts?: Counts; seconds: number }[] = [];
  for (const step of steps.filter((s) => only.length === 0 || only.includes(s.name))) {
    console.log(`\n━━ ${step.name}: ${step.command.join(" ")}`);
    const started = Date.now();
    const code = await run(step);
    results.push({
      name: step.name,
      ok: code === 0,
      counts: step.counts?.(),
      seconds: (Date.now() - started) / 1000,
    });
  }
  console.log("\n━━ summary");
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) {
    const detail = r.counts
      ? ` ${r.counts.passed} passed, ${r.counts.failed} failed, ${r.counts.skipped} skipped${
          r.counts.flaky ? ` (${r.counts.flaky} passed only on retry: flaky, see the list above)` : ""
        }`
      : "";
    console.log(`${r.ok ? "ok  " : "FAIL"} ${r.name.padEnd(10)}${detail} (${r.seconds.toFixed(1)} s)`);
    if (r.counts) {
      total.passed += r.counts.passed;
      total.failed += r.counts.failed;
      total.skipped += r.counts.skipped;
    }
    // A step that failed without a failing test (a crash, a type error, a lint error) still counts as a failure.
    if (!r.ok && (!r.counts || r.counts.failed === 0)) total.failed += 1;
  }
  console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

main();
