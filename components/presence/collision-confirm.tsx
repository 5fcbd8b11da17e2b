"use client";
import { useEffect, useId, useRef } from "react";
import { format, useStrings } from "@/components/i18n/locale";
import { useMemberNames } from "@/components/presence/member-name";
import { Button } from "@/components/ui/button";

/**
 * Asked once when the member sends a reply after a colleague's reply arrived: in the composer,
 * not over it, so the history above stays readable. Review (Escape) takes the member back to
 * their draft; Send anyway sends it.
 */
export function CollisionConfirm({
  memberId,
  onSend,
  onReview,
}: {
  memberId: string;
  onSend: () => void;
  onReview: () => void;
}) {
  const t = useStrings("presence");
  const name = useMemberNames(true)(memberId) ?? "";
  const ids = { title: useId(), body: useId() };
  const review = useRef<HTMLButtonElement>(null);
  useEffect(() => review.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-labelledby={ids.title}
      aria-describedby={ids.body}
      data-collision-confirm=""
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        event.stopPropagation();
        onReview();
      }}
      className="mx-3 mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
    >
      <p id={ids.title} className="font-semibold">
        {format(t.confirmTitle, { name })}
      </p>
      <p id={ids.body} className="mt-0.5 text-xs">
        {t.confirmBody}
      </p>
      <div className="mt-2 flex gap-2">
        <Button ref={review} size="sm" onClick={onReview}>
          {t.review}
        </Button>
        <Button size="sm" variant="primary" onClick={onSend}>
          {t.sendAnyway}
        </Button>
      </div>
    </div>
  );
}
