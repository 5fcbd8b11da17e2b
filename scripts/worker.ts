// `npm run worker`: keeps one AI worker process (scripts/worker-process.ts) running. The worker
// rides out lost database connections by itself; whatever still kills it, this restarts it,
// sooner the first time and backing off if it keeps dying. SIGTERM/SIGINT go to the worker,
// which finishes or hands back its runs, and then this exits with it.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const WORKER = path.join(import.meta.dirname, "worker-process.ts");
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
// A worker that ran this long was healthy: the next restart starts from the first delay again.
const HEALTHY_AFTER_MS = 60_000;

let child: ChildProcess | null = null;
let stopping = false;
let delayMs = FIRST_DELAY_MS;

function start() {
  const startedAt = Date.now();
  // Through node itself, not the tsx CLI, so signals reach the worker directly; the IPC channel
  // tells the worker when this process is gone.
  child = spawn(process.execPath, ["--import", "tsx", WORKER], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  console.log(`AI worker supervisor: worker process ${child.pid} started`);
  child.on("exit", (code, signal) => {
    child = null;
    if (stopping) process.exit(code ?? 0);
    if (Date.now() - startedAt > HEALTHY_AFTER_MS) delayMs = FIRST_DELAY_MS;
    console.error(
      `AI worker supervisor: worker exited (${signal ?? `code ${code}`}); restarting in ${delayMs} ms`,
    );
    setTimeout(start, delayMs);
    delayMs = Math.min(delayMs * 2, MAX_DELAY_MS);
  });
}

function stop(signal: NodeJS.Signals) {
  stopping = true;
  if (child) child.kill(signal);
  else process.exit(0);
}

process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
start();
