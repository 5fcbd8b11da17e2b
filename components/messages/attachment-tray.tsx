"use client";
import { format, useStrings, useUiLocale } from "@/components/i18n/locale";
import { extensionOf, type FileKind, fileKindOf } from "@/components/messages/file-kind";
import { formatFileSize } from "@/components/messages/file-size";
import { CloseIcon, FileIcon } from "@/components/messages/icons";
import { isPreviewableImage } from "@/components/messages/message-attachments";
import type { UploadItem } from "@/components/messages/use-uploads";
import type { AttachmentOutput } from "@/server/connect/schemas";

type Props = {
  attachments: AttachmentOutput[];
  uploads: UploadItem[];
  onRemove: (attachmentId: string) => void;
  onDismiss: (uploadId: string) => void;
};

const FILE_KIND_STRING = {
  image: "fileImage",
  video: "fileVideo",
  audio: "fileAudio",
  pdf: "filePdf",
  word: "fileWord",
  excel: "fileExcel",
  powerpoint: "filePowerpoint",
  zip: "fileZip",
  archive: "fileArchive",
  text: "fileText",
  csv: "fileCsv",
  program: "fileProgram",
} as const satisfies Record<FileKind, string>;

export function AttachmentTray({ attachments, uploads, onRemove, onDismiss }: Props) {
  const t = useStrings("messages");
  const locale = useUiLocale();
  const size = (bytes: number) => formatFileSize(bytes, locale);
  const percent = new Intl.NumberFormat(locale, { style: "percent" });
  if (attachments.length === 0 && uploads.length === 0) return null;

  // Named as a person would ("Word document"), never by MIME type.
  function kindName(type: string, fileName: string): string {
    const kind = fileKindOf(type, fileName);
    if (kind) return t[FILE_KIND_STRING[kind]];
    const extension = extensionOf(fileName);
    return extension ? format(t.fileOther, { extension }) : t.fileUnknown;
  }

  function problem(item: UploadItem): string | null {
    const refusal = item.refusal;
    if (refusal?.reason === "empty") return format(t.emptyFile, { name: item.name });
    if (refusal?.reason === "tooLarge")
      return format(t.tooLarge, { name: item.name, size: size(item.size), limit: size(refusal.limit) });
    if (refusal?.reason === "type")
      return format(t.typeNotAllowed, {
        name: item.name,
        type: kindName(refusal.type, item.name),
        allowed: [...new Set(refusal.allowed.map((pattern) => kindName(pattern, "")))].join(", "),
      });
    if (refusal?.reason === "tooMany") return format(t.tooMany, { max: refusal.max });
    if (item.state === "failed") return format(t.uploadFailed, { name: item.name, error: item.error ?? "" });
    return null;
  }

  return (
    <ul className="flex flex-wrap gap-2 px-3 pt-2" aria-label={t.attach}>
      {attachments.map((attachment) => (
        <li
          key={attachment.id}
          data-draft-attachment={attachment.id}
          className="flex max-w-60 items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 py-1 ps-1 pe-1 text-xs"
        >
          {isPreviewableImage(attachment.mimeType) ? (
            // biome-ignore lint/performance/noImgElement: an authenticated attachment URL, not a static asset.
            <img src={attachment.url} alt="" className="size-8 rounded object-cover" />
          ) : (
            <FileIcon className="size-4 shrink-0 text-slate-500" />
          )}
          <span dir="auto" className="min-w-0 truncate">
            {attachment.fileName}
          </span>
          <span className="shrink-0 text-slate-500">{size(attachment.size)}</span>
          <button
            type="button"
            aria-label={format(t.removeAttachment, { name: attachment.fileName })}
            onClick={() => onRemove(attachment.id)}
            className="rounded p-0.5 text-slate-500 hover:bg-slate-200"
          >
            <CloseIcon className="size-3.5" />
          </button>
        </li>
      ))}
      {uploads.map((item) => {
        const message = problem(item);
        return (
          <li
            key={item.id}
            data-upload-state={item.state}
            role={message ? "alert" : undefined}
            className={`flex max-w-full items-center gap-2 rounded-lg border py-1 ps-2 pe-1 text-xs ${
              message ? "border-red-200 bg-red-50 text-red-800" : "border-slate-200 bg-white"
            }`}
          >
            {message ? (
              <span className="min-w-0 break-words">{message}</span>
            ) : (
              <>
                <span dir="auto" className="min-w-0 max-w-40 truncate">
                  {item.name}
                </span>
                <progress
                  value={item.progress}
                  max={1}
                  aria-label={format(t.uploading, {
                    name: item.name,
                    percent: percent.format(item.progress),
                  })}
                  className="h-1.5 w-20 overflow-hidden rounded [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-blue-600"
                />
              </>
            )}
            <button
              type="button"
              aria-label={t.dismiss}
              onClick={() => onDismiss(item.id)}
              className="rounded p-0.5 hover:bg-black/10"
            >
              <CloseIcon className="size-3.5" />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
