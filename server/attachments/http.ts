import { Readable } from "node:stream";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { NextRequest } from "next/server";
import type { DownloadableAttachment } from "@/server/attachments/download";
import { formatBytes, type UploadedFile } from "@/server/attachments/upload";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { unexpectedErrorResponse } from "@/server/http/route";
import { cappedBody } from "@/server/limits/body";
import { createContext } from "@/server/trpc/context";

// Room for the multipart boundaries and part headers around the files themselves.
const MULTIPART_ALLOWANCE = 64 * 1024;

/** The caller through the app's one auth path (Bearer API key, else session), or UNAUTHORIZED. */
export async function requireCaller(req: NextRequest): Promise<{ db: Db; caller: Caller }> {
  const ctx = await createContext(req);
  if (!ctx.caller) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in or send a valid API key." });
  }
  return { db: ctx.db, caller: ctx.caller };
}

/**
 * `{ error: { code, message } }` with the status tRPC gives the same code; anything unexpected
 * is a generic 500 (503 when the database is unreachable) with a request id, the cause only logged.
 */
export function errorResponse(error: unknown): Response {
  if (!(error instanceof TRPCError) || error.code === "INTERNAL_SERVER_ERROR") {
    return unexpectedErrorResponse("attachments", error);
  }
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (error.code === "UNAUTHORIZED") headers["www-authenticate"] = "Bearer";
  return Response.json(
    { error: { code: error.code, message: error.message } },
    { status: getHTTPStatusCodeFromError(error), headers },
  );
}

/**
 * The files of a multipart/form-data body's `file` field. A body longer than one upload request
 * may be is refused from its Content-Length before anything is read, and cut off while reading
 * when it has none (chunked).
 */
export async function readUploadedFiles(req: Request, maxRequestBytes: number): Promise<UploadedFile[]> {
  const tooLarge = () =>
    new TRPCError({
      code: "PAYLOAD_TOO_LARGE",
      message: `The request is larger than one upload may be: at most ${formatBytes(maxRequestBytes)} (${maxRequestBytes} bytes) of files.`,
    });
  const { stream, exceeded } = cappedBody(req, maxRequestBytes + MULTIPART_ALLOWANCE, tooLarge);
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !stream) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: 'Send the files as multipart/form-data in the field "file".',
    });
  }
  let form: FormData;
  try {
    form = await new Response(stream, { headers: { "content-type": contentType } }).formData();
  } catch {
    if (exceeded()) throw tooLarge();
    throw new TRPCError({ code: "BAD_REQUEST", message: "The body is not valid multipart/form-data." });
  }

  const files: UploadedFile[] = [];
  for (const entry of form.getAll("file")) {
    if (typeof entry === "string") {
      throw new TRPCError({ code: "BAD_REQUEST", message: "file: must be a file, not a text field." });
    }
    files.push({
      name: entry.name,
      bytes: new Uint8Array(await entry.arrayBuffer()),
      declaredType: entry.type || null,
    });
  }
  return files;
}

// RFC 5987 attr-char: everything else is percent-encoded as UTF-8.
const ATTR_CHAR = /^[A-Za-z0-9!#$&+.^_`|~-]$/;

function encodeRfc5987(value: string): string {
  let encoded = "";
  for (const byte of new TextEncoder().encode(value)) {
    const char = String.fromCharCode(byte);
    encoded += ATTR_CHAR.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return encoded;
}

/** `inline` or `attachment` with an ASCII `filename` and, for other names, `filename*` (RFC 6266). */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]+/g, "_").replace(/["\\%]/g, "_");
  if (ascii === fileName) return `${kind}; filename="${ascii}"`;
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

function isInlineImage(mimeType: string): boolean {
  return mimeType.startsWith("image/") && mimeType !== "image/svg+xml";
}

/** Served so that a browser never runs an upload: no sniffing, and non-images in a sandbox. */
export function downloadHeaders(attachment: DownloadableAttachment): Headers {
  const inline = isInlineImage(attachment.mimeType);
  const headers = new Headers({
    "content-type": attachment.mimeType.startsWith("text/")
      ? `${attachment.mimeType}; charset=utf-8`
      : attachment.mimeType,
    "content-length": String(attachment.size),
    "content-disposition": contentDisposition(inline ? "inline" : "attachment", attachment.fileName),
    "x-content-type-options": "nosniff",
    "cache-control": "private",
    etag: `"${attachment.checksum}"`,
  });
  if (!inline) headers.set("content-security-policy", "default-src 'none'; sandbox");
  return headers;
}

export function toWebStream(body: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(body) as ReadableStream<Uint8Array>;
}
