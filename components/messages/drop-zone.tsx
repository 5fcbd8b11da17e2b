"use client";
import { type DragEvent, type ReactNode, useState } from "react";
import { useStrings } from "@/components/i18n/locale";
import { PaperclipIcon } from "@/components/messages/icons";
import { preloadUploads } from "@/components/messages/use-uploads";

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes("Files");

/** Files dropped anywhere on the conversation are attached to the draft. */
export function DropZone({ onFiles, children }: { onFiles: (files: File[]) => void; children: ReactNode }) {
  const t = useStrings("messages");
  const [over, setOver] = useState(false);
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setOver(true);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target; the Attach button is the keyboard path.
    <div
      className="relative flex h-full min-h-0 flex-col"
      onDragEnter={(event) => {
        if (carriesFiles(event)) preloadUploads();
        onDragOver(event);
      }}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setOver(false);
        onFiles([...event.dataTransfer.files]);
      }}
    >
      {children}
      {over ? (
        <div className="pointer-events-none absolute inset-2 z-40 flex items-center justify-center gap-2 rounded-xl border-2 border-dashed border-blue-400 bg-blue-50/90 text-sm font-medium text-blue-800">
          <PaperclipIcon />
          {t.dropFiles}
        </div>
      ) : null}
    </div>
  );
}
