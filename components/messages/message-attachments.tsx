"use client";
import { format, useStrings, useUiLocale } from "@/components/i18n/locale";
import { formatFileSize } from "@/components/messages/file-size";
import { FileIcon } from "@/components/messages/icons";
import type { AttachmentOutput } from "@/server/connect/schemas";

/** SVG is served as a download, never inline, so it gets a chip like any other file. */
export function isPreviewableImage(mimeType: string): boolean {
  return mimeType.startsWith("image/") && mimeType !== "image/svg+xml";
}

export function MessageAttachments({ attachments }: { attachments: AttachmentOutput[] }) {
  const t = useStrings("messages");
  const locale = useUiLocale();
  if (attachments.length === 0) return null;
  const images = attachments.filter((a) => isPreviewableImage(a.mimeType));
  const files = attachments.filter((a) => !isPreviewableImage(a.mimeType));
  return (
    <div className="mt-2 flex flex-col gap-2">
      {images.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {images.map((image) => (
            <a
              key={image.id}
              href={image.url}
              target="_blank"
              rel="noopener"
              aria-label={format(t.openAttachment, { name: image.fileName })}
              className="block overflow-hidden rounded-lg border border-black/10 bg-slate-100"
            >
              {/* Fixed box: the row's height is known before the image loads, so the list never jumps. */}
              {/* biome-ignore lint/performance/noImgElement: an authenticated attachment URL, not a static asset. */}
              <img
                src={image.url}
                alt={image.fileName}
                loading="lazy"
                data-attachment-preview=""
                className="h-36 w-52 object-cover"
              />
            </a>
          ))}
        </div>
      ) : null}
      {files.map((file) => (
        <a
          key={file.id}
          href={file.url}
          download={file.fileName}
          aria-label={format(t.download, { name: file.fileName })}
          data-attachment-file=""
          className="flex max-w-xs items-center gap-2 rounded-lg border border-black/10 bg-white/70 px-2 py-1.5 text-xs text-slate-700 hover:bg-white"
        >
          <FileIcon className="size-4 shrink-0 text-slate-500" />
          <span dir="auto" className="min-w-0 truncate font-medium">
            {file.fileName}
          </span>
          <span className="shrink-0 text-slate-500">{formatFileSize(file.size, locale)}</span>
        </a>
      ))}
    </div>
  );
}
