"use client";
import { type ReactNode, type RefObject, useEffect, useId, useLayoutEffect, useRef } from "react";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the platform's own `<dialog>` (showModal): the page behind is inert to mouse,
 * keyboard and screen readers, and the dialog sits in the top layer, with no library code, so the
 * inbox can open one on a keystroke without loading anything. On top: focus moves in (to
 * `initialFocus`, else the first control), Tab wraps inside, Escape closes and stops there (the
 * page's own Escape does not act too), a press on the backdrop closes, and focus returns to what
 * had it.
 */
export function Dialog({
  onClose,
  title,
  titleHidden = false,
  description,
  initialFocus,
  size = "md",
  children,
}: {
  onClose: () => void;
  title: string;
  /** Name the dialog without showing a heading (the content shows its own, or needs none). */
  titleHidden?: boolean;
  description?: ReactNode;
  /** What gets focus on open (e.g. Cancel, so Enter alone never destroys); else the first control. */
  initialFocus?: RefObject<HTMLElement | null>;
  size?: "md" | "lg";
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), description: useId() };
  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    return () => {
      element.close();
      previous?.focus();
    };
  }, []);
  useEffect(() => {
    (
      initialFocus?.current ??
      dialog.current?.querySelector<HTMLElement>(FOCUSABLE) ??
      dialog.current
    )?.focus();
  }, [initialFocus]);

  function onKeyDown(event: React.KeyboardEvent<HTMLDialogElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== "Tab" || !dialog.current) return;
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleHidden ? undefined : ids.title}
      aria-label={titleHidden ? title : undefined}
      aria-describedby={description ? ids.description : undefined}
      onKeyDown={onKeyDown}
      // The native Escape (cancel) is handled above; a form's method="dialog" is never used.
      onCancel={(event) => event.preventDefault()}
      onClick={(event) => {
        // Only a press on the backdrop lands on the <dialog> itself: the content fills it.
        if (event.target === dialog.current) onClose();
      }}
      className={`mx-auto mt-[12vh] max-h-[76vh] w-[calc(100%-2rem)] overflow-auto rounded-xl bg-white p-0 text-slate-900 shadow-2xl ring-1 ring-slate-200 backdrop:bg-slate-900/30 ${
        size === "lg" ? "max-w-3xl" : "max-w-xl"
      }`}
    >
      <div className={titleHidden ? "" : "p-5"}>
        {titleHidden ? null : (
          <h2 id={ids.title} className="text-lg font-semibold">
            {title}
          </h2>
        )}
        {description ? (
          <div id={ids.description} className="mt-2 text-sm text-slate-700">
            {description}
          </div>
        ) : null}
        {children}
      </div>
    </dialog>
  );
}
