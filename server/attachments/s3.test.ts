import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/attachments/[id]/route";
import { POST } from "@/app/api/attachments/route";
import { multipartFiles } from "@/server/attachments/multipart";
import { attachmentPolicy } from "@/server/attachments/policy";
import { type AttachmentStorage, attachmentStorage } from "@/server/attachments/storage";
import { S3Storage } from "@/server/attachments/storage/s3";
import { removeOrphanBytes } from "@/server/attachments/sweep";
import { bytesOf, testS3ServerForThisFile } from "@/server/attachments/testing/s3-server";
import { uploadAttachments } from "@/server/attachments/upload";
import { db } from "@/server/db/client";
import { setTestEnv } from "@/server/test/env";
import { trpcError } from "@/server/test/errors";
import { createTestWorkspace, sessionCaller } from "@/server/test/fixtures";
import { pngBytes } from "@/server/test/png";

const ORIGIN = "http://localhost";

const s3 = testS3ServerForThisFile();
/** The bucket as an outsider sees it: every object the app wrote, whatever it says about them. */
let bucket: S3Storage;

beforeAll(() => {
  bucket = new S3Storage(s3().config);
  setTestEnv(s3().env);
});

async function objectsOf(workspaceId: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of bucket.keysWrittenBefore(new Date(Date.now() + 60_000))) {
    if (key.startsWith(`${workspaceId}/`)) keys.push(key);
  }
  return keys;
}

type FilePart = { bytes: Uint8Array; name: string; type: string };
type UploadedItem = { id: string; size: number };

function upload(apiKey: string, files: FilePart[]): Promise<Response> {
  const form = new FormData();
  for (const file of files)
    form.append("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return POST(
    new NextRequest(`${ORIGIN}/api/attachments`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}` },
      body: form,
    }),
  );
}

function download(id: string, apiKey: string): Promise<Response> {
  return GET(
    new NextRequest(`${ORIGIN}/api/attachments/${id}`, { headers: { authorization: `Bearer ${apiKey}` } }),
    {
      params: Promise.resolve({ id }),
    },
  );
}

function pdfOf(size: number): Buffer {
  const bytes = randomBytes(size);
  bytes.write("%PDF-1.4\n", 0, "latin1");
  return bytes;
}

describe("attachments on S3-compatible storage", () => {
  it("uploads into the bucket and downloads through the app with the same bytes and headers", async () => {
    const ws = await createTestWorkspace();
    const pdf = pdfOf(6 * 1024 * 1024 + 3);
    const response = await upload(ws.owner.apiKey, [
      { bytes: pngBytes(), name: "logo.png", type: "image/png" },
      { bytes: pdf, name: "contract.pdf", type: "application/pdf" },
    ]);
    expect(response.status).toBe(201);
    const { items } = (await response.json()) as { items: UploadedItem[] };
    const rows = await db().attachment.findMany({ where: { workspaceId: ws.workspaceId } });
    expect((await objectsOf(ws.workspaceId)).sort()).toEqual(rows.map((row) => row.storageKey).sort());

    const fetched = await download(items[1]?.id ?? "", ws.owner.apiKey);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get("content-type")).toBe("application/pdf");
    expect(fetched.headers.get("content-length")).toBe(String(pdf.length));
    expect(fetched.headers.get("content-disposition")).toBe('attachment; filename="contract.pdf"');
    expect(fetched.headers.get("x-content-type-options")).toBe("nosniff");
    const body = Buffer.from(await fetched.arrayBuffer());
    expect(createHash("sha256").update(body).digest("hex")).toBe(
      createHash("sha256").update(pdf).digest("hex"),
    );
  });

  it("leaves nothing in the bucket when a later file of the request is refused", async () => {
    const ws = await createTestWorkspace();
    const response = await upload(ws.owner.apiKey, [
      { bytes: pdfOf(6 * 1024 * 1024), name: "first.pdf", type: "application/pdf" },
      { bytes: pngBytes(), name: "second.pdf", type: "application/pdf" },
    ]);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      '"second.pdf"',
    );
    expect(await objectsOf(ws.workspaceId)).toEqual([]);
    expect(await db().attachment.count({ where: { workspaceId: ws.workspaceId } })).toBe(0);
  });

  it("refuses a file over the limit while it streams in, its bytes passed on to the bucket as they come", async () => {
    const ws = await createTestWorkspace();
    // Far above what streaming holds at once (an S3 part or two), so holding the file would show.
    const limit = 64 * 1024 * 1024;
    const policy = { ...attachmentPolicy(), maxBytes: limit, maxRequestBytes: limit };
    const boundary = "connect-inbox-boundary";
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`;
    const chunk = new Uint8Array(256 * 1024).fill(0x20);
    let sent = 0;
    let stored = 0;
    let mostHeldBack = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(head));
      },
      pull(controller) {
        mostHeldBack = Math.max(mostHeldBack, sent - stored);
        if (sent >= 4 * limit) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new NextRequest(`${ORIGIN}/api/attachments`, {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: "half",
    });
    const storage = attachmentStorage();
    const watched: AttachmentStorage = {
      put: (key, bytes) =>
        storage.put(
          key,
          Readable.from(
            (async function* () {
              for await (const part of bytes instanceof Uint8Array ? [bytes] : bytes) {
                stored += (part as Uint8Array).byteLength;
                yield part;
              }
            })(),
          ),
        ),
      get: (key) => storage.get(key),
      delete: (key) => storage.delete(key),
      keysWrittenBefore: (before) => storage.keysWrittenBefore(before),
    };

    const refusal = await trpcError(
      uploadAttachments(db(), ws.owner.caller, multipartFiles(request, limit), { policy, storage: watched }),
    );
    expect(refusal.code).toBe("PAYLOAD_TOO_LARGE");
    expect(refusal.message).toBe(
      `"huge.pdf": the file is larger than the limit of 64 MB (${limit} bytes) per file.`,
    );
    // Read no further than the limit and what was in flight, and never more than a few parts
    // ahead of the bucket: the file was never held whole.
    expect(sent).toBeLessThan(limit + 2 * 1024 * 1024);
    expect(stored).toBeGreaterThan(limit - 16 * 1024 * 1024);
    expect(mostHeldBack).toBeLessThan(16 * 1024 * 1024);
    expect(await objectsOf(ws.workspaceId)).toEqual([]);
  });

  it("the orphan sweep deletes objects no row names, and keeps those a row does", async () => {
    const ws = await createTestWorkspace();
    const response = await upload(ws.owner.apiKey, [
      { bytes: pngBytes(), name: "kept.png", type: "image/png" },
    ]);
    expect(response.status).toBe(201);
    const orphan = `${ws.workspaceId}/crashed-before-its-row`;
    await attachmentStorage().put(orphan, Buffer.from("bytes without a row"));
    const [kept] = await db().attachment.findMany({ where: { workspaceId: ws.workspaceId } });

    // Every other test's objects have rows or belong to a refused request already cleaned up.
    await removeOrphanBytes(db(), attachmentStorage(), { now: new Date(Date.now() + 60_000), graceMs: 0 });
    expect(await objectsOf(ws.workspaceId)).toEqual([kept?.storageKey]);
  });

  it("deleting a workspace deletes its objects and no other workspace's", async () => {
    const doomed = await createTestWorkspace("Doomed");
    const bystander = await createTestWorkspace("Bystander");
    for (const ws of [doomed, bystander]) {
      const response = await upload(ws.owner.apiKey, [
        { bytes: pngBytes(), name: "a.png", type: "image/png" },
        { bytes: pdfOf(1024), name: "b.pdf", type: "application/pdf" },
      ]);
      expect(response.status).toBe(201);
    }
    expect(await objectsOf(doomed.workspaceId)).toHaveLength(2);

    const result = await sessionCaller(doomed.owner).v1.workspace.delete({ confirmName: "Doomed" });
    expect(result).toMatchObject({ deletedAttachments: 2 });
    expect(await objectsOf(doomed.workspaceId)).toEqual([]);
    expect(await objectsOf(bystander.workspaceId)).toHaveLength(2);
    const [theirs] = await db().attachment.findMany({ where: { workspaceId: bystander.workspaceId } });
    expect(await bytesOf(await bucket.get(theirs?.storageKey ?? ""))).not.toBeNull();
  });
});
