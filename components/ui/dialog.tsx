"use client";
import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactNode, RefObject } from "react";

/**
 * A modal dialog on Radix's: focus moves in and stays in, Escape and a press outside close it,
 * the page behind is inert to screen readers, and focus returns to what opened it.
 */
export function Dialog({
  open = true,
  onClose,
  title,
  titleHidden = false,
  description,
  initialFocus,
  size = "md",
  children,
}: {
  open?: boolean;
  onClose: () => void;
  title: ReactNode;
  /** Keep the title for screen readers only (the content shows its own). */
  titleHidden?: boolean;
  description?: ReactNode;
  /** What gets focus on open (e.g. Cancel, so Enter alone never destroys); else the first control. */
  initialFocus?: RefObject<HTMLElement | null>;
  size?: "md" | "lg";
  children: ReactNode;
}) {
  return (
    <RadixDialog.Root open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-50 bg-slate-900/30" />
        <RadixDialog.Content
          // Without a description, say so (Radix otherwise points aria-describedby at nothing).
          {...(description ? {} : { "aria-describedby": undefined })}
          onOpenAutoFocus={(event) => {
            if (!initialFocus?.current) return;
            event.preventDefault();
            initialFocus.current.focus();
          }}
          className={`fixed start-1/2 top-[12vh] z-50 max-h-[76vh] w-[calc(100%-2rem)] -translate-x-1/2 overflow-auto rounded-xl bg-white shadow-2xl ring-1 ring-slate-200 rtl:translate-x-1/2 ${
            size === "lg" ? "max-w-3xl" : "max-w-xl"
          }`}
        >
          <div className="p-5">
            <RadixDialog.Title className={titleHidden ? "sr-only" : "text-lg font-semibold"}>
              {title}
            </RadixDialog.Title>
            {description ? (
              <RadixDialog.Description className="mt-2 text-sm text-slate-700">
                {description}
              </RadixDialog.Description>
            ) : null}
            {children}
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
