/** Kinds of file a person names without a MIME type; each has a name in components/messages/strings.ts. */
export type FileKind =
  | "image"
  | "video"
  | "audio"
  | "pdf"
  | "word"
  | "excel"
  | "powerpoint"
  | "zip"
  | "archive"
  | "text"
  | "csv"
  | "program";

const BY_TYPE: Record<string, FileKind> = {
  "application/pdf": "pdf",
  "application/msword": "word",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "word",
  "application/vnd.ms-excel": "excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "excel",
  "application/vnd.ms-powerpoint": "powerpoint",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "powerpoint",
  "application/zip": "zip",
  "application/x-zip-compressed": "zip",
  "application/x-rar-compressed": "archive",
  "application/vnd.rar": "archive",
  "application/x-7z-compressed": "archive",
  "application/x-tar": "archive",
  "application/gzip": "archive",
  "text/plain": "text",
  "text/csv": "csv",
  "application/x-msdownload": "program",
  "application/x-msdos-program": "program",
  "application/x-msi": "program",
  "application/vnd.microsoft.portable-executable": "program",
};
const BY_EXTENSION: Record<string, FileKind> = {
  pdf: "pdf",
  doc: "word",
  docx: "word",
  xls: "excel",
  xlsx: "excel",
  ppt: "powerpoint",
  pptx: "powerpoint",
  zip: "zip",
  rar: "archive",
  "7z": "archive",
  tar: "archive",
  gz: "archive",
  txt: "text",
  csv: "csv",
  exe: "program",
  msi: "program",
};
const BY_FAMILY: Record<string, FileKind> = { image: "image", video: "video", audio: "audio" };

/** What kind of file this is, from its type (or a `type/*` pattern), else its name's extension. */
export function fileKindOf(type: string, fileName = ""): FileKind | null {
  const bare = type.split(";")[0]?.trim().toLowerCase() ?? "";
  const family = bare.split("/")[0] ?? "";
  const extension = fileName.includes(".") ? (fileName.split(".").pop()?.toLowerCase() ?? "") : "";
  return BY_TYPE[bare] ?? BY_FAMILY[family] ?? BY_EXTENSION[extension] ?? null;
}

/** The extension in capitals ("EXE"), for a file of no kind the product names. */
export function extensionOf(fileName: string): string | null {
  const extension = fileName.includes(".") ? fileName.split(".").pop() : undefined;
  return extension ? extension.toUpperCase() : null;
}
