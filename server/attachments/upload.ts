import { createHash, randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import {
  detectContentType,
  extensionOf,
  isAllowedType,
  parseAllowedTypes,
} from "@/server/attachments/content-type";
import { type AttachmentStorage, attachmentStorage } from "@/server/attachments/storage";
import { removeUnsentUploads } from "@/server/attachments/sweep";
import type { Caller } from "@/server/auth/caller";
import { attachmentUrl } from "@/server/connect/message-select";
import type { AttachmentOutput } from "@/server/connect/schemas";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { env } from "@/server/env";

export type UploadedFile = { name: string; bytes: Uint8Array; declaredType: string | null };

export type AttachmentPolicy = {
  /** Per file. */
  maxBytes: number;
  /** All files of one upload request together. */
  maxRequestBytes: number;
  maxFiles: number;
  /** MIME types or `type/*` wildcards. */
  allowedTypes: readonly string[];
};

// A message takes at most 20 attachmentIds, so one upload request need not carry more.
export const MAX_FILES_PER_UPLOAD = 20;
const MAX_FILE_NAME_LENGTH = 200;

// Two files at today's default per-file limit; never less than one file may be.
const DEFAULT_MAX_REQUEST_BYTES = 50 * 1024 * 1024;

export function attachmentPolicy(): AttachmentPolicy {
  const { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_REQUEST_BYTES, ATTACHMENT_ALLOWED_TYPES } = env();
  return {
    maxBytes: ATTACHMENT_MAX_BYTES,
    maxRequestBytes:
      ATTACHMENT_MAX_REQUEST_BYTES ?? Math.max(DEFAULT_MAX_REQUEST_BYTES, ATTACHMENT_MAX_BYTES),
    maxFiles: MAX_FILES_PER_UPLOAD,
    allowedTypes: parseAllowedTypes(ATTACHMENT_ALLOWED_TYPES),
  };
}

export const attachmentSelect = {
  id: true,
  fileName: true,
  mimeType: true,
  size: true,
} satisfies Prisma.AttachmentSelect;

export function formatBytes(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}

function firstCodePoints(codePoints: string[], keep: number): string {
  return codePoints.slice(0, keep).join("").trimEnd();
}

/**
 * The name as shown and served: no directories, no control or bidi-override characters (a
 * "gpj.exe" spoof), no leading dots, at most 200 characters with the extension kept.
 */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069\uFEFF]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "")
    .trim();
  if (cleaned === "") return "attachment";
  const codePoints = [...cleaned];
  if (codePoints.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const extension = extensionOf(cleaned);
  if (!extension) return firstCodePoints(codePoints, MAX_FILE_NAME_LENGTH);
  const stem = [...cleaned.slice(0, -(extension.length + 1))];
  return `${firstCodePoints(stem, MAX_FILE_NAME_LENGTH - extension.length - 1)}.${extension}`;
}

type PreparedFile = {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  checksum: string;
  storageKey: string;
};

async function prepareFile(
  caller: Caller,
  file: UploadedFile,
  policy: AttachmentPolicy,
): Promise<PreparedFile> {
  const fileName = sanitizeFileName(file.name);
  const size = file.bytes.byteLength;
  if (size === 0) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `"${fileName}": the file is empty.` });
  }
  if (size > policy.maxBytes) {
    throw new TRPCError({
      code: "PAYLOAD_TOO_LARGE",
      message: `"${fileName}": the file is ${formatBytes(size)}; the limit is ${formatBytes(policy.maxBytes)} (${policy.maxBytes} bytes) per file.`,
    });
  }
  const verdict = await detectContentType(file.bytes, fileName, file.declaredType);
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
  return {
    fileName,
    mimeType: verdict.mimeType,
    bytes: file.bytes,
    checksum: createHash("sha256").update(file.bytes).digest("hex"),
    storageKey: `${caller.workspaceId}/${randomUUID()}`,
  };
}

/**
 * Checks every file, then stores them all and records them in one transaction: either every
 * file of the request becomes an attachment or none does, and no bytes outlive a failed write.
 * The attachments belong to no message until a send claims them.
 */
export async function uploadAttachments(
  db: Db,
  caller: Caller,
  files: UploadedFile[],
  options: { policy?: AttachmentPolicy; storage?: AttachmentStorage } = {},
): Promise<AttachmentOutput[]> {
  const policy = options.policy ?? attachmentPolicy();
  const storage = options.storage ?? attachmentStorage();
  if (files.length === 0) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: 'file: attach at least one file in the "file" field.',
    });
  }
  if (files.length > policy.maxFiles) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `file: ${files.length} files sent; one upload takes at most ${policy.maxFiles}.`,
    });
  }
  const prepared: PreparedFile[] = [];
  for (const file of files) prepared.push(await prepareFile(caller, file, policy));
  const total = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  if (total > policy.maxRequestBytes) {
    throw new TRPCError({
      code: "PAYLOAD_TOO_LARGE",
      message: `file: the files are ${formatBytes(total)} together; one upload takes at most ${formatBytes(policy.maxRequestBytes)} (${policy.maxRequestBytes} bytes). Upload them in separate requests.`,
    });
  }

  const written: string[] = [];
  let rows: Omit<AttachmentOutput, "url">[];
  try {
    for (const file of prepared) {
      written.push(file.storageKey);
      await storage.put(file.storageKey, file.bytes);
    }
    rows = await db.$transaction(
      prepared.map((file) =>
        db.attachment.create({
          data: {
            workspaceId: caller.workspaceId,
            uploaderMemberId: caller.memberId,
            fileName: file.fileName,
            mimeType: file.mimeType,
            size: file.bytes.byteLength,
            checksum: file.checksum,
            storageKey: file.storageKey,
          },
          select: attachmentSelect,
        }),
      ),
    );
  } catch (error) {
    await Promise.allSettled(written.map((key) => storage.delete(key)));
    throw error;
  }
  // Best effort, after this upload is safe: a failure here must not fail the upload.
  await removeUnsentUploads(db, storage, caller.workspaceId).catch((error: unknown) =>
    console.error("attachments: sweeping unsent uploads failed", error),
  );
  return rows.map((row) => ({ ...row, url: attachmentUrl(row.id) }));
}
