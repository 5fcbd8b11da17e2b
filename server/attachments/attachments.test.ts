import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/attachments/[id]/route";
import { POST } from "@/app/api/attachments/route";
import { detectContentType } from "@/server/attachments/content-type";
import { sanitizeFileName } from "@/server/attachments/file-name";
import { type AttachmentPolicy, attachmentPolicy } from "@/server/attachments/policy";
import { LocalDiskStorage } from "@/server/attachments/storage/local";
import { uploadAttachments } from "@/server/attachments/upload";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { errorCode, trpcError } from "@/server/test/errors";
import { createTestConversation, createTestWorkspace } from "@/server/test/fixtures";
import { pngBytes } from "@/server/test/png";

const ORIGIN = "http://localhost";

function pdfBytes(): Buffer {
  return Buffer.from(
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
      "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
  );
}

function elfBytes(): Buffer {
  return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
}

function exeBytes(): Buffer {
  const bytes = Buffer.alloc(256);
  bytes.write("MZ", 0, "ascii");
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write("PE\0\0", 0x80, "binary");
  return bytes;
}

type FilePart = { bytes: Uint8Array; name: string; type?: string };

function uploadRequest(files: FilePart[], apiKey?: string): NextRequest {
  const form = new FormData();
  for (const file of files)
    form.append("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? "" }));
  const headers: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  return new NextRequest(`${ORIGIN}/api/attachments`, { method: "POST", headers, body: form });
}

type UploadedItem = { id: string; fileName: string; mimeType: string; size: number; url: string };
type ErrorBody = { error: { code: string; message: string } };

async function upload(apiKey: string, files: FilePart[]): Promise<UploadedItem[]> {
  const response = await POST(uploadRequest(files, apiKey));
  expect(response.status).toBe(201);
  const body = (await response.json()) as { items: UploadedItem[] };
  return body.items;
}

function download(id: string, apiKey?: string): Promise<Response> {
  const headers: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  return GET(new NextRequest(`${ORIGIN}/api/attachments/${id}`, { headers }), {
    params: Promise.resolve({ id }),
  });
}

/** Every file, finished or partial, stored for one workspace. */
async function storedFiles(workspaceId: string): Promise<string[]> {
  try {
    return await readdir(path.resolve(env().STORAGE_DIR, workspaceId));
  } catch {
    return [];
  }
}

async function attachmentRows(workspaceId: string) {
  return db().attachment.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" } });
}

function smallPolicy(maxBytes: number, maxRequestBytes = maxBytes): AttachmentPolicy {
  return { ...attachmentPolicy(), maxBytes, maxRequestBytes };
}

describe("uploading attachments", () => {
  it("stores a PNG and a PDF from one request and records them with their checksum", async () => {
    const ws = await createTestWorkspace();
    const png = pngBytes();
    const pdf = pdfBytes();
    const items = await upload(ws.owner.apiKey, [
      { bytes: png, name: "photo.png", type: "image/png" },
      { bytes: pdf, name: "C:\\fakepath\\contract.pdf", type: "application/pdf" },
    ]);

    expect(items).toEqual([
      {
        id: expect.any(String),
        fileName: "photo.png",
        mimeType: "image/png",
        size: png.length,
        url: expect.any(String),
      },
      {
        id: expect.any(String),
        fileName: "contract.pdf",
        mimeType: "application/pdf",
        size: pdf.length,
        url: expect.any(String),
      },
    ]);
    expect(items.map((i) => i.url)).toEqual(items.map((i) => `/api/attachments/${i.id}`));

    const rows = await attachmentRows(ws.workspaceId);
    expect(rows.map((r) => r.id).sort()).toEqual(items.map((i) => i.id).sort());
    for (const [row, bytes] of rows.map((r) => [r, r.mimeType === "image/png" ? png : pdf] as const)) {
      expect(row).toMatchObject({ messageId: null, uploaderMemberId: ws.owner.memberId, size: bytes.length });
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(await readFile(path.resolve(env().STORAGE_DIR, row.storageKey))).toEqual(bytes);
    }

    const response = await download(items[0]?.id ?? "", ws.owner.apiKey);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
  });

  it("refuses empty files and files over the limit, naming the file and the limit", async () => {
    const ws = await createTestWorkspace();
    const png = pngBytes(40, 40);
    const tooLarge = await trpcError(
      uploadAttachments(db(), ws.owner.caller, [{ name: "big.png", bytes: png, declaredType: "image/png" }], {
        policy: smallPolicy(100),
      }),
    );
    expect(tooLarge.code).toBe("PAYLOAD_TOO_LARGE");
    expect(tooLarge.message).toContain('"big.png"');
    expect(tooLarge.message).toContain("100 bytes");

    const together = await trpcError(
      uploadAttachments(
        db(),
        ws.owner.caller,
        [
          { name: "a.png", bytes: png, declaredType: "image/png" },
          { name: "b.png", bytes: png, declaredType: "image/png" },
        ],
        { policy: smallPolicy(png.length + 10, png.length * 2 - 1) },
      ),
    );
    expect(together.code).toBe("PAYLOAD_TOO_LARGE");
    expect(together.message).toContain("together");

    const empty = await trpcError(
      uploadAttachments(db(), ws.owner.caller, [
        { name: "empty.txt", bytes: new Uint8Array(), declaredType: "text/plain" },
      ]),
    );
    expect(empty.code).toBe("BAD_REQUEST");
    expect(empty.message).toContain('"empty.txt"');

    const fits = await uploadAttachments(
      db(),
      ws.owner.caller,
      [{ name: "fits.png", bytes: png, declaredType: "image/png" }],
      { policy: smallPolicy(png.length) },
    );
    expect(fits).toHaveLength(1);
    expect(await attachmentRows(ws.workspaceId)).toHaveLength(1);
    expect(await storedFiles(ws.workspaceId)).toHaveLength(1);
  });

  it("answers 413 over HTTP for a body above the default 50 MB a request, declared or streamed", async () => {
    const ws = await createTestWorkspace();
    const declared = await POST(
      new NextRequest(`${ORIGIN}/api/attachments`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${ws.owner.apiKey}`,
          "content-type": "multipart/form-data; boundary=x",
          "content-length": String(51 * 1024 * 1024),
        },
        body: "--x--",
      }),
    );
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as ErrorBody).error.code).toBe("PAYLOAD_TOO_LARGE");

    const megabyte = new Uint8Array(1024 * 1024);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 60) controller.close();
        else controller.enqueue(megabyte);
      },
    });
    const streamed = await POST(
      new NextRequest(`${ORIGIN}/api/attachments`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${ws.owner.apiKey}`,
          "content-type": "multipart/form-data; boundary=x",
        },
        body: endless,
        duplex: "half",
      }),
    );
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(60);
    expect(await attachmentRows(ws.workspaceId)).toHaveLength(0);
  });

  it("refuses bytes that contradict their name or declared type, and stores nothing of the request", async () => {
    const ws = await createTestWorkspace();
    const spoofs: [FilePart, string][] = [
      [{ bytes: elfBytes(), name: "photo.png", type: "image/png" }, "application/x-elf"],
      [{ bytes: exeBytes(), name: "invoice.png", type: "image/png" }, "application/x-msdownload"],
      [{ bytes: pngBytes(), name: "scan", type: "application/pdf" }, "application/pdf"],
      [{ bytes: pngBytes(), name: "scan.pdf", type: "" }, ".pdf"],
      [{ bytes: exeBytes(), name: "setup.exe", type: "application/x-msdownload" }, "not allowed"],
    ];
    for (const [file, mentioned] of spoofs) {
      const response = await POST(
        uploadRequest([{ bytes: pngBytes(), name: "fine.png", type: "image/png" }, file], ws.owner.apiKey),
      );
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as ErrorBody;
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toContain(`"${file.name}"`);
      expect(error.message).toContain(mentioned);
    }
    expect(await attachmentRows(ws.workspaceId)).toHaveLength(0);
    expect(await storedFiles(ws.workspaceId)).toEqual([]);
  });

  it("takes text only when it is claimed as text and is UTF-8 without NULs", async () => {
    const csv = new TextEncoder().encode("name,city\nAyşe,İstanbul\nأحمد,الرياض\n");
    expect(await detectContentType(csv, "customers.csv", "application/vnd.ms-excel")).toEqual({
      ok: true,
      mimeType: "text/csv",
    });
    expect(await detectContentType(csv, "notes", "text/plain")).toEqual({ ok: true, mimeType: "text/plain" });
    expect(await detectContentType(csv, "notes", null)).toEqual({
      ok: true,
      mimeType: "application/octet-stream",
    });
    expect(await detectContentType(csv, "page.html", "text/plain")).toMatchObject({
      ok: false,
      claimed: ".html",
    });
    expect(await detectContentType(new Uint8Array([0x68, 0, 0x69]), "a.txt", "text/plain")).toMatchObject({
      ok: false,
    });
    expect(await detectContentType(new Uint8Array([0xc3, 0x28]), "a.txt", null)).toMatchObject({ ok: false });
  });

  it("removes the stored bytes when the database write fails", async () => {
    const ws = await createTestWorkspace();
    const stranger = { ...ws.owner.caller, memberId: "no-such-member" };
    await expect(
      uploadAttachments(db(), stranger, [
        { name: "a.png", bytes: pngBytes(), declaredType: "image/png" },
        { name: "b.pdf", bytes: pdfBytes(), declaredType: "application/pdf" },
      ]),
    ).rejects.toThrow();
    expect(await attachmentRows(ws.workspaceId)).toHaveLength(0);
    expect(await storedFiles(ws.workspaceId)).toEqual([]);
  });

  it("keeps only the last part of a name, without control or bidi characters, at most 200 characters", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("C:\\Users\\me\\report.pdf")).toBe("report.pdf");
    expect(sanitizeFileName("invoice\u202Egnp.exe")).toBe("invoicegnp.exe");
    expect(sanitizeFileName("a\u0000b\nc.txt")).toBe("abc.txt");
    expect(sanitizeFileName(".hidden")).toBe("hidden");
    expect(sanitizeFileName("  ")).toBe("attachment");
    expect(sanitizeFileName("تقرير الربع الأول.pdf")).toBe("تقرير الربع الأول.pdf");
    const long = sanitizeFileName(`${"ü".repeat(300)}.docx`);
    expect([...long]).toHaveLength(200);
    expect(long.endsWith("ü.docx")).toBe(true);
  });
});

describe("downloading attachments", () => {
  it("answers 404 for another workspace's attachment exactly as for an unknown id", async () => {
    const owner = await createTestWorkspace();
    const other = await createTestWorkspace();
    const [item] = await upload(owner.owner.apiKey, [
      { bytes: pdfBytes(), name: "secret.pdf", type: "application/pdf" },
    ]);
    const foreign = await download(item?.id ?? "", other.owner.apiKey);
    const unknown = await download("no-such-attachment", other.owner.apiKey);
    expect(foreign.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await foreign.json()).toEqual(await unknown.json());
  });

  it("serves a document as a sandboxed download with its Arabic name, and an image inline", async () => {
    const ws = await createTestWorkspace();
    const pdf = pdfBytes();
    const [document, image] = await upload(ws.owner.apiKey, [
      { bytes: pdf, name: "تقرير.pdf", type: "application/pdf" },
      { bytes: pngBytes(), name: "logo.png", type: "image/png" },
    ]);

    const response = await download(document?.id ?? "", ws.owner.apiKey);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-length")).toBe(String(pdf.length));
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("private");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="_.pdf"; filename*=UTF-8''${encodeURIComponent("تقرير")}.pdf`,
    );
    expect(Buffer.from(await response.arrayBuffer())).toEqual(pdf);

    const inline = await download(image?.id ?? "", ws.owner.apiKey);
    expect(inline.headers.get("content-disposition")).toBe('inline; filename="logo.png"');
    expect(inline.headers.get("content-security-policy")).toBeNull();
    expect(inline.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("who may upload and download", () => {
  it("answers 401 without a key and with a revoked key", async () => {
    const ws = await createTestWorkspace();
    const [item] = await upload(ws.owner.apiKey, [{ bytes: pngBytes(), name: "a.png", type: "image/png" }]);
    const id = item?.id ?? "";

    const anonymousUpload = await POST(uploadRequest([{ bytes: pngBytes(), name: "a.png" }]));
    expect(anonymousUpload.status).toBe(401);
    expect(((await anonymousUpload.json()) as ErrorBody).error.code).toBe("UNAUTHORIZED");
    expect((await download(id)).status).toBe(401);

    await db().apiKey.updateMany({ where: { memberId: ws.owner.memberId }, data: { revokedAt: new Date() } });
    expect((await POST(uploadRequest([{ bytes: pngBytes(), name: "b.png" }], ws.owner.apiKey))).status).toBe(
      401,
    );
    expect((await download(id, ws.owner.apiKey)).status).toBe(401);
    expect(await attachmentRows(ws.workspaceId)).toHaveLength(1);
  });
});

describe("sending an upload with a message", () => {
  it("links the upload to the message once, and never another workspace's upload", async () => {
    const ws = await createTestWorkspace();
    const other = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const [item] = await upload(ws.owner.apiKey, [
      { bytes: pdfBytes(), name: "document.pdf", type: "application/pdf" },
    ]);
    const [foreign] = await upload(other.owner.apiKey, [
      { bytes: pngBytes(), name: "x.png", type: "image/png" },
    ]);
    const id = item?.id ?? "";

    const message = await ws.owner.api.v1.connect.send({
      conversationId,
      content: { en: "Attached is the document." },
      attachmentIds: [id],
    });
    expect(message.attachments).toEqual([
      {
        id,
        fileName: "document.pdf",
        mimeType: "application/pdf",
        size: item?.size,
        url: `/api/attachments/${id}`,
      },
    ]);
    const row = await db().attachment.findUniqueOrThrow({ where: { id } });
    expect(row.messageId).toBe(message.id);

    const again = ws.owner.api.v1.connect.send({
      conversationId,
      content: { en: "Again." },
      attachmentIds: [id],
    });
    expect(await errorCode(again)).toBe("BAD_REQUEST");
    const stolen = ws.owner.api.v1.connect.send({
      conversationId,
      content: { en: "Theirs." },
      attachmentIds: [foreign?.id ?? ""],
    });
    expect(await errorCode(stolen)).toBe("NOT_FOUND");
    expect(
      (await db().attachment.findUniqueOrThrow({ where: { id: foreign?.id ?? "" } })).messageId,
    ).toBeNull();
  });

  it("two sends racing for one upload: one message gets it, the other send fails and stores nothing", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const uploads = await upload(ws.owner.apiKey, [{ bytes: pngBytes(), name: "a.png", type: "image/png" }]);
    const id = uploads[0]?.id ?? "";
    const send = (text: string) =>
      ws.owner.api.v1.connect.send({ conversationId, content: { en: text }, attachmentIds: [id] });

    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => send(`race ${i}`)));
    const sent = results.filter((r) => r.status === "fulfilled");
    expect(sent).toHaveLength(1);
    const codes = await Promise.all(
      results.filter((r) => r.status === "rejected").map((r) => errorCode(Promise.reject(r.reason))),
    );
    expect(codes.every((code) => code === "CONFLICT" || code === "BAD_REQUEST")).toBe(true);
    const messages = await db().message.findMany({ where: { conversationId }, select: { id: true } });
    expect(messages).toHaveLength(1);
    expect((await db().attachment.findUniqueOrThrow({ where: { id } })).messageId).toBe(messages[0]?.id);
  });
});

describe("uploads no message claimed", () => {
  it("are removed with their bytes a week on, at the workspace's next upload; sent and recent ones stay", async () => {
    const ws = await createTestWorkspace();
    const other = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const [abandoned, sentLongAgo, recent] = await upload(ws.owner.apiKey, [
      { bytes: pngBytes(), name: "abandoned.png", type: "image/png" },
      { bytes: pdfBytes(), name: "sent.pdf", type: "application/pdf" },
      { bytes: pngBytes(3, 3), name: "recent.png", type: "image/png" },
    ]);
    const [elsewhere] = await upload(other.owner.apiKey, [{ bytes: pdfBytes(), name: "theirs.pdf" }]);
    await ws.owner.api.v1.connect.send({ conversationId, attachmentIds: [sentLongAgo?.id ?? ""] });
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    await db().attachment.updateMany({
      where: { id: { in: [abandoned?.id ?? "", sentLongAgo?.id ?? "", elsewhere?.id ?? ""] } },
      data: { createdAt: eightDaysAgo },
    });
    expect(await storedFiles(ws.workspaceId)).toHaveLength(3);

    const [next] = await upload(ws.owner.apiKey, [{ bytes: pdfBytes(), name: "next.pdf" }]);
    const left = (await attachmentRows(ws.workspaceId)).map((row) => row.id).sort();
    expect(left).toEqual([sentLongAgo?.id, recent?.id, next?.id].sort());
    expect(await storedFiles(ws.workspaceId)).toHaveLength(3);
    expect((await download(abandoned?.id ?? "", ws.owner.apiKey)).status).toBe(404);
    expect((await download(sentLongAgo?.id ?? "", ws.owner.apiKey)).status).toBe(200);
    // Another workspace's abandoned upload waits for that workspace's own next upload.
    expect((await attachmentRows(other.workspaceId)).map((row) => row.id)).toEqual([elsewhere?.id]);
  });
});

describe("local disk storage", () => {
  it("keeps every key inside its directory and treats missing files as absent", async () => {
    const storage = new LocalDiskStorage(await mkdtemp(path.join(tmpdir(), "attachments-")));
    for (const key of ["../escape", "a/../../b", "/etc/passwd", "a//b", ".hidden", "a\\b", ""]) {
      await expect(storage.put(key, new Uint8Array([1]))).rejects.toThrow("Invalid storage key");
    }
    expect(await storage.get("ws/missing")).toBeNull();
    await storage.delete("ws/missing");
    await storage.put("ws/present", new Uint8Array([1, 2, 3]));
    const stream = await storage.get("ws/present");
    const chunks: Buffer[] = [];
    for await (const chunk of stream ?? []) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(Buffer.from([1, 2, 3]));
    await storage.delete("ws/present");
    expect(await storage.get("ws/present")).toBeNull();
  });
});
