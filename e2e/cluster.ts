// Several app instances and a worker on one PostgreSQL, as docs/deploy.md describes production:
// each a process of its own, started from the same build, sharing nothing but the database and
// the object store.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { waitForHealth } from "@/scripts/inbox-server";

const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

export type Instance = { baseUrl: string; stop: () => Promise<void> };

function stopper(child: ChildProcess, name: string, log: string[]): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const kill = setTimeout(() => {
        console.error(`${name} did not stop on SIGTERM; its last lines:\n${log.slice(-20).join("")}`);
        child.kill("SIGKILL");
      }, 15_000);
      child.once("exit", () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill("SIGTERM");
    });
}

function spawnLogged(name: string, args: string[], env: Record<string, string>) {
  const log: string[] = [];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  return { child, log, stop: stopper(child, name, log) };
}

/** `next start` of the existing production build on `port`. */
export async function startInstance(port: number, env: Record<string, string>): Promise<Instance> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const { log, stop } = spawnLogged(`instance :${port}`, [NEXT_BIN, "start", "-p", String(port)], {
    ...env,
    NODE_ENV: "production",
    NEXTAUTH_URL: baseUrl,
  });
  try {
    await waitForHealth(baseUrl, 60_000);
  } catch (error) {
    await stop();
    throw new Error(`${baseUrl} did not start: ${(error as Error).message}\n${log.join("")}`);
  }
  return { baseUrl, stop };
}

/** One worker process (`npm run worker` runs the same file under a supervisor). */
export async function startWorker(env: Record<string, string>): Promise<{ stop: () => Promise<void> }> {
  const { child, log, stop } = spawnLogged("worker", ["--import", "tsx", "scripts/worker-process.ts"], env);
  const ready = /working on/i;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the worker did not start:\n${log.join("")}`)), 60_000);
    const check = () => {
      if (ready.test(log.join(""))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the worker exited with ${code}:\n${log.join("")}`));
    });
  });
  return { stop };
}
