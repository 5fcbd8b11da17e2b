import { fileTypeFromBuffer, supportedExtensions } from "file-type";

const GENERIC_TYPES = new Set(["", "application/octet-stream", "binary/octet-stream", "application/unknown"]);

// Names clients and operating systems use for one type; the right side is what we store.
const TYPE_ALIASES = new Map<string, string>([
  ["image/jpg", "image/jpeg"],
  ["image/pjpeg", "image/jpeg"],
  ["image/x-png", "image/png"],
  ["audio/mp3", "audio/mpeg"],
  ["audio/x-mp3", "audio/mpeg"],
  ["audio/mpeg3", "audio/mpeg"],
  ["audio/x-mpeg", "audio/mpeg"],
  ["audio/x-wav", "audio/wav"],
  ["audio/wave", "audio/wav"],
  ["audio/vnd.wave", "audio/wav"],
  ["audio/x-flac", "audio/flac"],
  ["audio/x-m4a", "audio/mp4"],
  ["audio/m4a", "audio/mp4"],
  ["video/x-m4v", "video/mp4"],
  ["application/x-zip-compressed", "application/zip"],
  ["application/x-zip", "application/zip"],
  ["text/x-csv", "text/csv"],
  ["application/csv", "text/csv"],
  ["text/comma-separated-values", "text/csv"],
  // Windows browsers declare .csv files this way when Excel is installed.
  ["application/vnd.ms-excel", "text/csv"],
]);

// Extensions naming one format; both sides of a comparison go through this.
const EXTENSION_ALIASES = new Map<string, string>([
  ["jpeg", "jpg"],
  ["jpe", "jpg"],
  ["jfif", "jpg"],
  ["tiff", "tif"],
  ["heif", "heic"],
  ["m4a", "mp4"],
  ["m4v", "mp4"],
  ["m4b", "mp4"],
  ["m4p", "mp4"],
  ["oga", "ogg"],
  ["ogv", "ogg"],
  ["ogx", "ogg"],
  ["opus", "ogg"],
  ["spx", "ogg"],
  ["weba", "webm"],
  ["mka", "mkv"],
  ["midi", "mid"],
  ["aiff", "aif"],
  ["aifc", "aif"],
  ["text", "txt"],
]);

const TEXT_TYPES = new Set(["text/plain", "text/csv"]);
const TEXT_EXTENSIONS = new Map([
  ["txt", "text/plain"],
  ["csv", "text/csv"],
]);
// Text formats a browser would run or render; a name with one of these is never plain text.
const ACTIVE_TEXT_EXTENSIONS = new Set(["html", "htm", "xhtml", "svg", "svgz", "xml", "js", "mjs", "json"]);
// One container for sound or picture: the magic bytes cannot tell audio/webm from video/webm.
const AUDIO_VIDEO_CONTAINERS = new Set(["webm", "mp4", "ogg", "3gpp", "3gpp2", "mpeg", "quicktime"]);

export const OCTET_STREAM = "application/octet-stream";

/** `Text/CSV; charset=utf-8` → `text/csv`, with aliases folded. */
export function normalizeType(type: string | null | undefined): string {
  const bare = bareType(type);
  return TYPE_ALIASES.get(bare) ?? bare;
}

function bareType(type: string | null | undefined): string {
  return (type ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

function canonicalExtension(ext: string): string {
  return EXTENSION_ALIASES.get(ext) ?? ext;
}

export function extensionOf(fileName: string): string | null {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return match?.[1] ? match[1].toLowerCase() : null;
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export type ContentTypeVerdict =
  | { ok: true; mimeType: string }
  | { ok: false; detected: string; claimedBy: "name" | "declared type"; claimed: string };

function sameContainer(claimed: string, detected: string): boolean {
  const [claimedKind, claimedSub] = claimed.split("/");
  const [detectedKind, detectedSub] = detected.split("/");
  const media = new Set(["audio", "video"]);
  return (
    claimedSub === detectedSub &&
    claimedSub !== undefined &&
    AUDIO_VIDEO_CONTAINERS.has(claimedSub) &&
    media.has(claimedKind ?? "") &&
    media.has(detectedKind ?? "")
  );
}

/** What the file name says: a format file-type knows, plain text or CSV, or markup/script. */
function extensionClaim(fileName: string): { shown: string; ext: string } | null {
  const raw = extensionOf(fileName);
  if (!raw) return null;
  const ext = canonicalExtension(raw);
  const known = supportedExtensions.has(raw) || TEXT_EXTENSIONS.has(ext) || ACTIVE_TEXT_EXTENSIONS.has(raw);
  return known ? { shown: `.${raw}`, ext } : null;
}

/**
 * The type the bytes really are, checked against what the name and the client claim.
 * Bytes without a signature count as text only when someone claimed text/plain or text/csv
 * and they are NUL-free UTF-8; anything else unrecognised is application/octet-stream.
 */
export async function detectContentType(
  bytes: Uint8Array,
  fileName: string,
  declaredType: string | null,
): Promise<ContentTypeVerdict> {
  const judge = await contentTypeJudge(bytes, fileName, declaredType);
  return judge(isUtf8Text(bytes));
}

/**
 * `detectContentType` for a file read as a stream: the signature is sniffed from its first bytes
 * (`head`), and the verdict then waits only for whether the whole file is text (`Utf8TextCheck`).
 */
export async function contentTypeJudge(
  head: Uint8Array,
  fileName: string,
  declaredType: string | null,
): Promise<(textual: boolean) => ContentTypeVerdict> {
  const sniffed = await fileTypeFromBuffer(head);
  return (textual) => judgeContentType(sniffed, textual, fileName, declaredType);
}

function judgeContentType(
  sniffed: { ext: string; mime: string } | undefined,
  textual: boolean,
  fileName: string,
  declaredType: string | null,
): ContentTypeVerdict {
  const declared = normalizeType(declaredType);
  const declaredClaim = GENERIC_TYPES.has(declared) ? null : declared;
  const declaredShown = bareType(declaredType);
  const named = extensionClaim(fileName);

  if (sniffed) {
    const detected = normalizeType(sniffed.mime);
    if (named && named.ext !== canonicalExtension(sniffed.ext)) {
      return { ok: false, detected, claimedBy: "name", claimed: named.shown };
    }
    if (!declaredClaim || declaredClaim === detected) return { ok: true, mimeType: detected };
    if (sameContainer(declaredClaim, detected)) return { ok: true, mimeType: declaredClaim };
    return { ok: false, detected, claimedBy: "declared type", claimed: declaredShown };
  }

  const detected = textual ? "text/plain" : OCTET_STREAM;
  const namedText = named ? TEXT_EXTENSIONS.get(named.ext) : undefined;
  if (named && !namedText) return { ok: false, detected, claimedBy: "name", claimed: named.shown };
  if (declaredClaim && !TEXT_TYPES.has(declaredClaim)) {
    return { ok: false, detected, claimedBy: "declared type", claimed: declaredShown };
  }
  if (!declaredClaim && !namedText) return { ok: true, mimeType: OCTET_STREAM };
  if (!textual) {
    return declaredClaim
      ? { ok: false, detected, claimedBy: "declared type", claimed: declaredShown }
      : { ok: false, detected, claimedBy: "name", claimed: named?.shown ?? "" };
  }
  const csv = declaredClaim === "text/csv" || namedText === "text/csv";
  return { ok: true, mimeType: csv ? "text/csv" : "text/plain" };
}

/** Whether a file fed to it chunk by chunk is NUL-free UTF-8, without keeping the chunks. */
export class Utf8TextCheck {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private textual = true;

  push(chunk: Uint8Array): void {
    if (!this.textual) return;
    if (chunk.includes(0)) this.textual = false;
    else this.textual = this.decodes(() => this.decoder.decode(chunk, { stream: true }));
  }

  /** False as soon as a chunk was not text; true only at the end (a character may be cut off). */
  get notTextSoFar(): boolean {
    return !this.textual;
  }

  end(): boolean {
    return this.textual && this.decodes(() => this.decoder.decode());
  }

  private decodes(decode: () => string): boolean {
    try {
      decode();
      return true;
    } catch {
      return false;
    }
  }
}

/** `image/*`-style patterns from ATTACHMENT_ALLOWED_TYPES. */
export function parseAllowedTypes(list: string): string[] {
  return list
    .split(",")
    .map((type) => type.trim().toLowerCase())
    .filter((type) => type !== "");
}

export function isAllowedType(mimeType: string, allowed: readonly string[]): boolean {
  return allowed.some(
    (pattern) =>
      pattern === mimeType ||
      pattern === "*/*" ||
      (pattern.endsWith("/*") && mimeType.startsWith(pattern.slice(0, -1))),
  );
}
