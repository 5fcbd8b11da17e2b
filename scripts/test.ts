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

/** Runs a step; with `quiet`, its output is kept and printed once it ends (it runs beside another). */
const BESIDE_SERVER = ["typecheck", "lint", "build"];

function run(step: Step, quiet = false): Promise<number> {
  return new Promise((resolve) => {
    const [command, ...args] = step.command;
    if (!command) return resolve(1);
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, ...step.env },
    });
    const output: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
    const done = (code: number) => {
      if (quiet)
        process.stdout.write(
          `\n━━ ${step.name} (ran beside the server tests): ${step.command.join(" ")}\n${Buffer.concat(output).toString()}`,
        );
      resolve(code);
    };
    child.on("exit", (code) => done(code ?? 1));
    child.on("error", () => done(1));
  });
}

async function main() {
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  const results: { name: string; ok: boolean; counts?: Counts; seconds: number }[] = [];
  const timed = async (step: Step, quiet = false) => {
    const started = Date.now();
    if (!quiet) console.log(`\n━━ ${step.name}: ${step.command.join(" ")}`);
    const code = await run(step, quiet);
    results.push({
      name: step.name,
      ok: code === 0,
      counts: step.counts?.(),
      seconds: (Date.now() - started) / 1000,
    });
  };
  const chosen = steps.filter((s) => only.length === 0 || only.includes(s.name));
  // The server tests mostly wait on PostgreSQL; the typecheck, the lint and the build run beside
  // them (their output printed as each ends), then the browser tests run on that build.
  const beside = chosen.filter((s) => BESIDE_SERVER.includes(s.name));
  const server = chosen.find((s) => s.name === "server");
  await Promise.all([
    server ? timed(server) : Promise.resolve(),
    (async () => {
      for (const step of beside) await timed(step, Boolean(server));
    })(),
  ]);
  for (const step of chosen.filter((s) => s !== server && !beside.includes(s))) await timed(step);
  results.sort(
    (a, b) => steps.findIndex((s) => s.name === a.name) - steps.findIndex((s) => s.name === b.name),
  );
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
