import { Readable } from "node:stream";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { NextRequest } from "next/server";
import type { DownloadableAttachment } from "@/server/attachments/download";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { unexpectedErrorResponse } from "@/server/http/route";
import { createContext } from "@/server/trpc/context";

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
export function errorResponse(error: unknown, where = "attachments"): Response {
  if (!(error instanceof TRPCError) || error.code === "INTERNAL_SERVER_ERROR") {
    return unexpectedErrorResponse(where, error);
  }
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (error.code === "UNAUTHORIZED") headers["www-authenticate"] = "Bearer";
  return Response.json(
    { error: { code: error.code, message: error.message } },
    { status: getHTTPStatusCodeFromError(error), headers },
  );
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
