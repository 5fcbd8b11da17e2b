"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import { type Refusal, refusalOf } from "@/components/messages/upload-check";
import { UploadError, uploadAttachment } from "@/components/messages/upload-request";
import type { AttachmentOutput } from "@/server/connect/schemas";

export type UploadItem = {
  id: string;
  name: string;
  size: number;
  /** 0..1 while uploading. */
  progress: number;
  state: "uploading" | "refused" | "failed";
  refusal?: Refusal | { reason: "tooMany"; max: number };
  error?: string;
};

/**
 * Files on their way into the draft: each is checked against the server's policy first (a
 * refusal is shown and nothing is sent), then uploaded with progress; once stored it becomes
 * one of the draft's attachments through `onUploaded`.
 */
export function useUploads(attachedCount: number, onUploaded: (attachment: AttachmentOutput) => void) {
  const policy = trpc.v1.messages.uploadPolicy.useQuery(undefined, { staleTime: Number.POSITIVE_INFINITY });
  const [items, setItems] = useState<UploadItem[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const uploaded = useRef(onUploaded);
  uploaded.current = onUploaded;

  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
    };
  }, []);

  const patch = useCallback((id: string, change: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.id === id ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback(
    (files: File[]) => {
      const rules = policy.data;
      let slots =
        (rules?.maxFiles ?? 20) - attachedCount - items.filter((i) => i.state === "uploading").length;
      const added: UploadItem[] = [];
      for (const file of files) {
        const base = {
          id: crypto.getRandomValues(new Uint32Array(2)).join("-"),
          name: file.name,
          size: file.size,
        };
        const refusal =
          slots <= 0
            ? { reason: "tooMany" as const, max: rules?.maxFiles ?? 20 }
            : rules
              ? refusalOf(file, rules)
              : null;
        if (refusal) {
          added.push({ ...base, progress: 0, state: "refused", refusal });
          continue;
        }
        slots -= 1;
        added.push({ ...base, progress: 0, state: "uploading" });
        const controller = new AbortController();
        controllers.current.set(base.id, controller);
        uploadAttachment(file, (progress) => patch(base.id, { progress }), controller.signal)
          .then((attachment) => {
            setItems((current) => current.filter((item) => item.id !== base.id));
            uploaded.current(attachment);
          })
          .catch((error: unknown) => {
            if (controller.signal.aborted) return;
            patch(base.id, {
              state: "failed",
              error: error instanceof UploadError ? error.message : String(error),
            });
          })
          .finally(() => controllers.current.delete(base.id));
      }
      setItems((current) => [...current, ...added]);
    },
    [policy.data, attachedCount, items, patch],
  );

  const dismiss = useCallback((id: string) => {
    controllers.current.get(id)?.abort();
    setItems((current) => current.filter((item) => item.id !== id));
  }, []);

  const uploading = items.some((item) => item.state === "uploading");
  return { items, add, dismiss, uploading, policy: policy.data };
}
