"use client";
import { type ReactNode, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

/**
 * Asks before something that cannot be undone. Cancel has focus, so Enter alone never destroys.
 * With `typeToConfirm`, the confirm button waits until that exact text is typed (deleting a workspace).
 */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  pendingLabel,
  cancelLabel,
  pending,
  error,
  onConfirm,
  onClose,
  typeToConfirm,
  tone = "danger",
}: {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel: string;
  pending: boolean;
  error: string | null;
  /** Gets what was typed, when `typeToConfirm` asks for it (the server checks it again). */
  onConfirm: (typed: string) => void;
  onClose: () => void;
  typeToConfirm?: { label: string; text: string };
  tone?: "danger" | "primary";
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  const [typed, setTyped] = useState("");
  const armed = !typeToConfirm || typed === typeToConfirm.text;
  return (
    <Dialog title={title} description={body} onClose={onClose} initialFocus={cancel}>
      {typeToConfirm ? (
        <TextField
          className="mt-4"
          label={typeToConfirm.label}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      ) : null}
      {error ? (
        <Notice tone="error" className="mt-3">
          {error}
        </Notice>
      ) : null}
      <div className="mt-5 flex justify-end gap-2">
        <Button ref={cancel} onClick={onClose}>
          {cancelLabel}
        </Button>
        <Button variant={tone} disabled={pending || !armed} onClick={() => onConfirm(typed)}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
