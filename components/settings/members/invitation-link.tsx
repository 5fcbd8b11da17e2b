"use client";
import { useEffect, useId, useRef, useState } from "react";
import { format, useStrings } from "@/components/i18n/locale";
import { Button } from "@/components/ui/button";
import type { CreatedInvitationOutput } from "@/server/invitations/schemas";

/**
 * The one time an invitation link is visible: focused and selected, so Ctrl+C works at once,
 * with what happened to the mail beside it. The server keeps only the link's hash.
 */
export function InvitationLink({
  created,
  onDone,
}: {
  created: CreatedInvitationOutput;
  onDone: () => void;
}) {
  const t = useStrings("members");
  const [copy, setCopy] = useState<"copied" | "failed" | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const ids = { title: useId(), field: useId(), once: useId() };
  const email = created.invitation.email;
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  const mail = { sent: t.mailSent, failed: t.mailFailed, off: t.mailOff }[created.mail];
  return (
    <section
      aria-labelledby={ids.title}
      data-invitation-link
      className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4"
    >
      <h3 id={ids.title} className="text-base font-semibold">
        {format(t.linkHeading, { email })}
      </h3>
      <p id={ids.once} className="mt-1 text-sm font-medium text-amber-900">
        {t.linkOnce}
      </p>
      <p
        data-mail-status={created.mail}
        className={`mt-1 text-sm ${created.mail === "failed" ? "font-medium text-red-800" : "text-slate-700"}`}
      >
        {format(mail, { email })}
      </p>
      <label htmlFor={ids.field} className="mt-3 block text-sm font-medium">
        {t.linkLabel}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          ref={field}
          id={ids.field}
          readOnly
          value={created.link}
          dir="ltr"
          spellCheck={false}
          aria-describedby={ids.once}
          onFocus={(event) => event.target.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 font-mono text-sm"
        />
        <Button
          variant="primary"
          onClick={() => {
            const failed = () => {
              setCopy("failed");
              field.current?.select();
            };
            if (!navigator.clipboard) return failed();
            navigator.clipboard.writeText(created.link).then(() => setCopy("copied"), failed);
          }}
        >
          {t.copy}
        </Button>
      </div>
      <p role="status" className="mt-1 min-h-5 text-sm text-slate-700">
        {copy === "copied" ? t.copied : copy === "failed" ? t.copyFailed : ""}
      </p>
      <Button className="mt-2" onClick={onDone}>
        {t.done}
      </Button>
    </section>
  );
}
