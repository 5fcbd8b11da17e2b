"use client";
import { useId, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import { format, useStrings } from "@/components/i18n/locale";
import { InvitationLink } from "@/components/settings/members/invitation-link";
import { assignableRoles, type Role } from "@/components/settings/members/roles";
import { serverErrors } from "@/components/settings/server-errors";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useToast } from "@/components/ui/toast";
import type { CreatedInvitationOutput } from "@/server/invitations/schemas";

/** Email and role; the link comes back once, to copy, and is mailed when the server can. */
export function InviteForm({ callerRole }: { callerRole: Role | undefined }) {
  const t = useStrings("members");
  const toast = useToast();
  const utils = trpc.useUtils();
  const headingId = useId();
  const emailInput = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("agent");
  const [emailError, setEmailError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedInvitationOutput | null>(null);
  const create = trpc.v1.invitations.create.useMutation({
    onSuccess: (result) => {
      setCreated(result);
      setEmail("");
      setEmailError(null);
      setFormError(null);
      void utils.v1.invitations.list.invalidate();
      toast(format(t.invited, { email: result.invitation.email }));
    },
    onError: (error) => {
      const refused = serverErrors(error, ["email", "role"]);
      setEmailError(
        refused.fields.email
          ? /already a member/.test(refused.fields.email)
            ? t.alreadyMember
            : t.emailInvalid
          : null,
      );
      setFormError(refused.fields.role ?? refused.form);
      if (refused.fields.email) emailInput.current?.focus();
    },
  });
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <h2 id={headingId} className="text-lg font-semibold">
        {t.inviteHeading}
      </h2>
      {created ? (
        <InvitationLink
          created={created}
          onDone={() => {
            setCreated(null);
            requestAnimationFrame(() => emailInput.current?.focus());
          }}
        />
      ) : null}
      <form
        noValidate
        className="flex flex-wrap items-start gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ email, role });
        }}
      >
        <TextField
          ref={emailInput}
          className="min-w-64 flex-1"
          label={t.email}
          hint={t.emailHint}
          type="email"
          dir="ltr"
          autoComplete="off"
          maxLength={254}
          required
          value={email}
          error={emailError}
          onChange={(event) => setEmail(event.target.value)}
        />
        <SelectField
          label={t.role}
          value={role}
          options={assignableRoles(callerRole, t)}
          onChange={(event) => setRole(event.target.value as Role)}
        />
        <Button type="submit" variant="primary" className="mt-6" disabled={create.isPending}>
          {create.isPending ? t.inviting : t.invite}
        </Button>
      </form>
      {formError ? <Notice tone="error">{formError}</Notice> : null}
    </section>
  );
}
