import type { AttachmentOutput } from "@/server/connect/schemas";

export class UploadError extends Error {}

/**
 * POST /api/attachments with one file, through XMLHttpRequest because fetch reports no upload
 * progress. Resolves with the stored attachment; rejects with the server's own message.
 */
export function uploadAttachment(
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<AttachmentOutput> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/attachments");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body: unknown = request.response;
      const item = (body as { items?: AttachmentOutput[] } | null)?.items?.[0];
      if (request.status === 201 && item) return resolve(item);
      const message = (body as { error?: { message?: string } } | null)?.error?.message;
      reject(new UploadError(message ?? `HTTP ${request.status}`));
    };
    request.onerror = () => reject(new UploadError("network"));
    request.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));
    signal.addEventListener("abort", () => request.abort(), { once: true });
    const form = new FormData();
    form.append("file", file, file.name);
    request.send(form);
  });
}
