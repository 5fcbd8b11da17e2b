"use client";
import { useId } from "react";
import { format, useStrings } from "@/components/i18n/locale";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
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
  const ids = { title: useId(), once: useId() };
  const email = created.invitation.email;
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
      <CopyField label={t.linkLabel} value={created.link} describedBy={ids.once} strings={t} />
      <Button className="mt-2" onClick={onDone}>
        {t.done}
      </Button>
    </section>
  );
}
