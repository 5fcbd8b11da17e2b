import { extensionOf } from "@/server/attachments/content-type";

const MAX_FILE_NAME_LENGTH = 200;

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
