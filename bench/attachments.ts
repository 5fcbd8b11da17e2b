// A 100 MB attachment uploaded and downloaded through the attachment routes over real HTTP, on the
// local disk and on an S3-compatible server (s3rver on 127.0.0.1), measuring how much the serving
// process's memory grows (issue 17's budget: < 50 MB). The server runs in a child process
// (bench/attachments-server.ts), so the client's and s3rver's memory are not counted.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { createFreshDatabase } from "@/scripts/db/fresh-database";
import { migrate } from "@/scripts/db/migrate";
import { startTestS3Server } from "@/server/attachments/testing/s3-server";
import { generateApiKey } from "@/server/auth/api-key";

const MB = 1024 * 1024;
const FILE_BYTES = 100 * MB;
const BUDGET_MB = 50;
// Before measuring, 20 uploads and downloads of 1 MB (20 MB of traffic, a fifth of the file): a
// fresh process's V8 young generation grows from 1 MB to 16 MB semi-spaces on its first sustained
// traffic, whatever that traffic is, and an instance in service has done so long before. Measured
// here: started with --min-semi-space-size=16, the first 100 MB upload grew RSS by 28 MB instead
// of 53-68 MB after a single 1 MB warm-up; "RSS since start" still counts everything.
const WARM_UP_ROUNDS = 20;
const CHUNK = Buffer.alloc(64 * 1024, 0x20);
const BOUNDARY = "bench-attachments-boundary";

type Memory = { rss: number; heapUsed: number; external: number };
export type AttachmentsRow = {
  store: string;
  /** 1: the first 100 MB after the warm-up (WARM_UP_ROUNDS); 2: the next. */
  round: number;
  phase: "upload" | "download";
  seconds: number;
  rssGrowthMb: number;
  heapGrowthMb: number;
  externalGrowthMb: number;
  /** The highest RSS since the server process started, over its RSS at start (warm-up included). */
  rssSinceStartMb: number;
};
type MemoryAnswer = { before: Memory; peak: Memory; atStart: Memory; highestRss: number };

async function seedApiKey(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const key = generateApiKey();
    await client.query(`INSERT INTO "Workspace" (id, name, slug) VALUES ('files-ws', 'Files', 'files')`);
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash") VALUES ('files-user', 'files@bench.test', 'Files', 'x')`,
    );
    await client.query(
      `INSERT INTO "Member" (id, "workspaceId", "userId", role) VALUES ('files-member', 'files-ws', 'files-user', 'owner')`,
    );
    await client.query(
      `INSERT INTO "ApiKey" (id, "workspaceId", "memberId", name, prefix, hash) VALUES ('files-key', 'files-ws', 'files-member', 'bench', $1, $2)`,
      [key.prefix, key.hash],
    );
    return key.key;
  } finally {
    await client.end();
  }
}

async function startServer(env: Record<string, string>): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/attachments-server.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [url] = await createInterface({ input: child.stdout })
    [Symbol.asyncIterator]()
    .next()
    .then((line) => [line.value as string | undefined]);
  if (!url) throw new Error("bench/attachments-server.ts did not start");
  return { url, stop: () => child.kill("SIGTERM") };
}

/** A multipart body of one PDF of `size` bytes, generated as it is sent; its SHA-256 when done. */
function* uploadBody(size: number, hash: ReturnType<typeof createHash>): Generator<Buffer> {
  yield Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const pdfHead = Buffer.from("%PDF-1.4\n");
  hash.update(pdfHead);
  yield pdfHead;
  for (let sent = pdfHead.length; sent < size; sent += CHUNK.length) {
    const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, size - sent));
    hash.update(chunk);
    yield chunk;
  }
  yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
}

function upload(url: string, apiKey: string, size: number): Promise<{ id: string; checksum: string }> {
  const hash = createHash("sha256");
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/attachments`,
      {
        method: "POST",
        headers: {
          authorization: `Bearer ${apiKey}`,
          "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
        },
      },
      async (res) => {
        let text = "";
        for await (const chunk of res) text += chunk;
        if (res.statusCode !== 201) return reject(new Error(`upload: ${res.statusCode} ${text}`));
        const { items } = JSON.parse(text) as { items: { id: string }[] };
        resolve({ id: items[0]?.id ?? "", checksum: hash.digest("hex") });
      },
    );
    req.on("error", reject);
    const body = uploadBody(size, hash);
    const write = () => {
      for (let next = body.next(); !next.done; next = body.next()) {
        if (!req.write(next.value)) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

function download(url: string, apiKey: string, id: string): Promise<string> {
  return new Promise((resolve, reject) => {
    request(
      `${url}/api/attachments/${id}`,
      { headers: { authorization: `Bearer ${apiKey}` } },
      async (res) => {
        if (res.statusCode !== 200) return reject(new Error(`download: ${res.statusCode}`));
        const hash = createHash("sha256");
        for await (const chunk of res) hash.update(chunk as Buffer);
        resolve(hash.digest("hex"));
      },
    )
      .on("error", reject)
      .end();
  });
}

async function memorySince(url: string): Promise<MemoryAnswer> {
  return (await fetch(`${url}/bench/memory`)).json() as Promise<MemoryAnswer>;
}

async function measure(
  store: string,
  round: number,
  url: string,
  apiKey: string,
  size: number,
): Promise<AttachmentsRow[]> {
  const row = (phase: AttachmentsRow["phase"], seconds: number, m: MemoryAnswer) => ({
    store,
    round,
    phase,
    seconds,
    rssGrowthMb: (m.peak.rss - m.before.rss) / MB,
    heapGrowthMb: (m.peak.heapUsed - m.before.heapUsed) / MB,
    externalGrowthMb: (m.peak.external - m.before.external) / MB,
    rssSinceStartMb: (m.highestRss - m.atStart.rss) / MB,
  });
  await memorySince(url);
  let started = Date.now();
  const uploaded = await upload(url, apiKey, size);
  const uploadRow = row("upload", (Date.now() - started) / 1000, await memorySince(url));
  started = Date.now();
  const downloaded = await download(url, apiKey, uploaded.id);
  const downloadRow = row("download", (Date.now() - started) / 1000, await memorySince(url));
  if (downloaded !== uploaded.checksum) throw new Error(`${store}: the download differs from the upload`);
  return [uploadRow, downloadRow];
}

export function attachmentsTable(rows: AttachmentsRow[]): string {
  const lines = rows.map(
    (r) =>
      `| ${r.store} | ${r.phase} #${r.round} | ${r.seconds.toFixed(1)} s | ${(FILE_BYTES / MB / r.seconds).toFixed(0)} MB/s | ${r.rssGrowthMb.toFixed(1)} MB | ${r.heapGrowthMb.toFixed(1)} MB | ${r.externalGrowthMb.toFixed(1)} MB | ${r.rssSinceStartMb.toFixed(1)} MB | ${r.rssGrowthMb < BUDGET_MB ? "yes" : "NO"} |`,
  );
  return [
    `| store | 100 MB | time | speed | RSS growth | heap growth | external growth | RSS since start | RSS growth < ${BUDGET_MB} MB |`,
    `|${"---|".repeat(9)}`,
    ...lines,
  ].join("\n");
}

export async function benchAttachments(serverUrl: string): Promise<AttachmentsRow[]> {
  const database = await createFreshDatabase(serverUrl, "connect_inbox_bench_files");
  const s3 = await startTestS3Server("bench-attachments");
  const storageDir = await mkdtemp(path.join(tmpdir(), "bench-attachments-"));
  try {
    await migrate(database.url);
    const apiKey = await seedApiKey(database.url);
    const common = {
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: "bench-secret-bench-secret-bench",
      AI_WORKER: "off",
      EVENT_BUS: "memory",
      ATTACHMENT_MAX_BYTES: String(FILE_BYTES + MB),
      STORAGE_DIR: storageDir,
    };
    const rows: AttachmentsRow[] = [];
    for (const [store, env] of [
      ["local disk", { STORAGE_DRIVER: "local" }],
      ["S3 (s3rver)", s3.env],
    ] as const) {
      const server = await startServer({ ...common, ...env });
      try {
        // Not counted: loads the routes, the database pool and the store's client, and lets the
        // heap reach its working size (WARM_UP_ROUNDS); "RSS since start" still counts it.
        for (let i = 0; i < WARM_UP_ROUNDS; i++) await measure(store, 0, server.url, apiKey, MB);
        console.log(`Measuring a 100 MB attachment on ${store}…`);
        for (const round of [1, 2])
          rows.push(...(await measure(store, round, server.url, apiKey, FILE_BYTES)));
      } finally {
        server.stop();
      }
    }
    return rows;
  } finally {
    await s3.close();
    await rm(storageDir, { recursive: true, force: true });
    await database.drop();
  }
}
