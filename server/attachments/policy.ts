import { TRPCError } from "@trpc/server";
import { parseAllowedTypes } from "@/server/attachments/content-type";
import { env } from "@/server/env";

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

function limitOf(bytes: number): string {
  return `${formatBytes(bytes)} (${bytes} bytes)`;
}

// Uploads are refused while they stream in, so these name the limit that was passed, not a size.

export function fileTooLarge(fileName: string, policy: AttachmentPolicy): TRPCError {
  return new TRPCError({
    code: "PAYLOAD_TOO_LARGE",
    message: `"${fileName}": the file is larger than the limit of ${limitOf(policy.maxBytes)} per file.`,
  });
}

export function filesTooLarge(policy: AttachmentPolicy): TRPCError {
  return new TRPCError({
    code: "PAYLOAD_TOO_LARGE",
    message: `file: the files are larger together than one upload takes, at most ${limitOf(policy.maxRequestBytes)}. Upload them in separate requests.`,
  });
}

/** The request body itself (files, boundaries and part headers) passed the limit. */
export function requestTooLarge(maxRequestBytes: number): TRPCError {
  return new TRPCError({
    code: "PAYLOAD_TOO_LARGE",
    message: `The request is larger than one upload may be: at most ${limitOf(maxRequestBytes)} of files.`,
  });
}
