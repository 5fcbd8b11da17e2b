"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import type { Refusal } from "@/components/messages/upload-check";
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

const loadUploadWork = () => import("@/components/messages/upload-work");

/** Starts loading the checks and the request before the first file arrives (a drag, the Attach button). */
export function preloadUploads() {
  void loadUploadWork().catch(() => {});
}

/**
 * Files on their way into the draft: each is checked against the server's policy first (a
 * refusal is shown and nothing is sent), then uploaded with progress; once stored it becomes
 * one of the draft's attachments through `onUploaded`.
 */
export function useUploads(attachedCount: number, onUploaded: (attachment: AttachmentOutput) => void) {
  const policy = trpc.v1.messages.uploadPolicy.useQuery(undefined, { staleTime: Number.POSITIVE_INFINITY });
  const [items, setItems] = useState<UploadItem[]>([]);
  // Files added while the code that checks and sends them loads: a send waits for them too.
  const [arriving, setArriving] = useState(0);
  const controllers = useRef(new Map<string, AbortController>());
  const uploaded = useRef(onUploaded);
  uploaded.current = onUploaded;

  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    const running = controllers.current;
    return () => {
      alive.current = false;
      for (const controller of running.values()) controller.abort();
    };
  }, []);

  const patch = useCallback((id: string, change: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.id === id ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback(
    (files: File[]) => {
      if (files.length === 0) return;
      const rules = policy.data;
      let slots =
        (rules?.maxFiles ?? 20) - attachedCount - items.filter((i) => i.state === "uploading").length;
      const bases = files.map((file) => ({
        id: crypto.getRandomValues(new Uint32Array(2)).join("-"),
        name: file.name,
        size: file.size,
      }));
      setArriving((n) => n + 1);
      loadUploadWork()
        .then(
          ({ refusalOf, uploadAttachment, UploadError }) => {
            if (!alive.current) return;
            const added: UploadItem[] = [];
            files.forEach((file, at) => {
              const base = bases[at] as (typeof bases)[number];
              const refusal =
                slots <= 0
                  ? { reason: "tooMany" as const, max: rules?.maxFiles ?? 20 }
                  : rules
                    ? refusalOf(file, rules)
                    : null;
              if (refusal) {
                added.push({ ...base, progress: 0, state: "refused", refusal });
                return;
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
            });
            setItems((current) => [...current, ...added]);
          },
          // The code for it could not be loaded (offline): each file says it failed.
          (error: unknown) => {
            if (!alive.current) return;
            const failed = bases.map((base) => ({
              ...base,
              progress: 0,
              state: "failed" as const,
              error: String(error),
            }));
            setItems((current) => [...current, ...failed]);
          },
        )
        .finally(() => setArriving((n) => n - 1));
    },
    [policy.data, attachedCount, items, patch],
  );

  const dismiss = useCallback((id: string) => {
    controllers.current.get(id)?.abort();
    setItems((current) => current.filter((item) => item.id !== id));
  }, []);

  const uploading = arriving > 0 || items.some((item) => item.state === "uploading");
  return { items, add, dismiss, uploading, policy: policy.data };
}
