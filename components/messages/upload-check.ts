import type { UploadPolicyOutput } from "@/server/messages/schemas";

// Names browsers use for a type the server stores under another (server/attachments/content-type.ts).
const TYPE_ALIASES: Record<string, string> = {
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "image/x-png": "image/png",
  "application/x-zip-compressed": "application/zip",
  "text/x-csv": "text/csv",
  "application/vnd.ms-excel": "text/csv",
};
// The server recognises these from the bytes; the browser's guess is not the last word.
const UNDECLARED = new Set(["", "application/octet-stream"]);

export type Refusal =
  | { reason: "empty" }
  | { reason: "tooLarge"; limit: number }
  | { reason: "type"; type: string; allowed: readonly string[] };

export function allowsType(type: string, allowed: readonly string[]): boolean {
  const bare = type.split(";")[0]?.trim().toLowerCase() ?? "";
  const normalized = TYPE_ALIASES[bare] ?? bare;
  return allowed.some((pattern) =>
    pattern.endsWith("/*") ? normalized.startsWith(pattern.slice(0, -1)) : pattern === normalized,
  );
}

/** Why the server would refuse this file, checked before a byte is sent; null when it may go. */
export function refusalOf(file: Pick<File, "size" | "type">, policy: UploadPolicyOutput): Refusal | null {
  if (file.size === 0) return { reason: "empty" };
  if (file.size > policy.maxBytes) return { reason: "tooLarge", limit: policy.maxBytes };
  if (!UNDECLARED.has(file.type) && !allowsType(file.type, policy.allowedTypes)) {
    return { reason: "type", type: file.type, allowed: policy.allowedTypes };
  }
  return null;
}
