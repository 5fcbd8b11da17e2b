import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { TRPCError } from "@trpc/server";
import {
  type ContentTypeVerdict,
  contentTypeJudge,
  isAllowedType,
  Utf8TextCheck,
} from "@/server/attachments/content-type";
import { sanitizeFileName } from "@/server/attachments/file-name";
import { type AttachmentPolicy, filesTooLarge, fileTooLarge } from "@/server/attachments/policy";
import type { AttachmentStorage } from "@/server/attachments/storage";

/** One file of an upload: its bytes whole, or as they arrive (a multipart part). */
export type UploadedFile = {
  name: string;
  bytes: Uint8Array | AsyncIterable<Uint8Array>;
  declaredType: string | null;
};

export type StoredFile = { fileName: string; mimeType: string; size: number; checksum: string };

/** Bytes of one upload request's files so far, for its limit over all files. */
export type UploadTally = { bytes: number };

// What the signature sniffing sees. file-type needs ~4 KB for most formats; a ZIP-based document
// (.docx, .xlsx) is told from a plain ZIP by entries further in, so more is kept.
const HEAD_BYTES = 64 * 1024;

async function* counted(
  file: UploadedFile,
  fileName: string,
  policy: AttachmentPolicy,
  tally: UploadTally,
): AsyncGenerator<Uint8Array> {
  let size = 0;
  for await (const chunk of file.bytes instanceof Uint8Array ? [file.bytes] : file.bytes) {
    size += chunk.byteLength;
    tally.bytes += chunk.byteLength;
    if (size > policy.maxBytes) throw fileTooLarge(fileName, policy);
    if (tally.bytes > policy.maxRequestBytes) throw filesTooLarge(policy);
    yield chunk;
  }
}

async function readHead(chunks: AsyncIterator<Uint8Array>): Promise<Buffer> {
  const head: Uint8Array[] = [];
  let length = 0;
  while (length < HEAD_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    length += next.value.byteLength;
  }
  return Buffer.concat(head);
}

/** The type to store the file as, or the refusal naming what is wrong with it. */
function acceptedType(verdict: ContentTypeVerdict, fileName: string, policy: AttachmentPolicy): string {
  if (!verdict.ok) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `"${fileName}": the content is ${verdict.detected}, but its ${verdict.claimedBy} says ${verdict.claimed}.`,
    });
  }
  if (!isAllowedType(verdict.mimeType, policy.allowedTypes)) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `"${fileName}": files of type ${verdict.mimeType} are not allowed (allowed: ${policy.allowedTypes.join(", ")}).`,
    });
  }
  return verdict.mimeType;
}

/**
 * Streams one file into storage under `storageKey` through a size count (refused the moment it
 * passes a limit), a SHA-256 and the content check, holding at most its first 64 KB in memory. A
 * file refused by its first bytes is refused before anything is written; one refused later (too
 * large, or not text after all) may have been written: the caller deletes the key on any failure.
 */
export async function storeUploadedFile(
  storage: AttachmentStorage,
  storageKey: string,
  file: UploadedFile,
  policy: AttachmentPolicy,
  tally: UploadTally,
): Promise<StoredFile> {
  const fileName = sanitizeFileName(file.name);
  const chunks = counted(file, fileName, policy, tally);
  const head = await readHead(chunks);
  if (head.byteLength === 0) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `"${fileName}": the file is empty.` });
  }
  const judge = await contentTypeJudge(head, fileName, file.declaredType);
  const text = new Utf8TextCheck();
  text.push(head);
  const ifText = judge(true);
  const ifNotText = judge(false);
  // Decided by the head alone when the head already is not text, or text-or-not cannot change
  // whether the file is taken (taken either way as the same type; refused either way).
  const headVerdict = text.notTextSoFar ? ifNotText : ifText;
  const decided = text.notTextSoFar || ifText.ok === ifNotText.ok ? headVerdict : null;
  if (decided) acceptedType(decided, fileName, policy);

  const hash = createHash("sha256").update(head);
  let size = head.byteLength;
  let refusal: unknown;
  const rest = async function* () {
    yield head;
    try {
      for await (const chunk of chunks) {
        hash.update(chunk);
        text.push(chunk);
        size += chunk.byteLength;
        yield chunk;
      }
    } catch (error) {
      refusal = error;
      throw error;
    }
  };
  try {
    await storage.put(storageKey, Readable.from(rest(), { objectMode: false }));
  } catch (error) {
    // The store reports its own wrapping of a failed body; the caller wants the refusal itself.
    throw refusal ?? error;
  }
  const mimeType = acceptedType(decided ?? (text.end() ? ifText : ifNotText), fileName, policy);
  return { fileName, mimeType, size, checksum: hash.digest("hex") };
}
