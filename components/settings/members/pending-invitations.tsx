"use client";
import { useId, useRef } from "react";
import { trpc } from "@/client/trpc";
import { useFormatters } from "@/components/i18n/format";
import { format, useStrings } from "@/components/i18n/locale";
import { roleLabel } from "@/components/settings/members/roles";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Cell, RowHeader, Table, TableHead, TableRow } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";

/** Invitations not yet accepted: who invited whom as what, until when; revocable. */
export function PendingInvitations() {
  const t = useStrings("members");
  const formatters = useFormatters();
  const toast = useToast();
  const utils = trpc.useUtils();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const invitations = trpc.v1.invitations.list.useQuery();
  const revoke = trpc.v1.invitations.revoke.useMutation({
    onSuccess: (revoked) => {
      utils.v1.invitations.list.setData(undefined, (list) => list?.filter((i) => i.id !== revoked.id));
      toast(format(t.revoked, { email: revoked.email }));
      // The button that had focus went with its row.
      requestAnimationFrame(() => heading.current?.focus());
    },
    onError: (error) => toast(error.message, "error"),
  });
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} ref={heading} tabIndex={-1} className="text-lg font-semibold">
        {t.pendingHeading}
      </h2>
      {invitations.isPending ? (
        <p className="text-sm text-slate-600">{t.loading}</p>
      ) : invitations.isError ? (
        <Notice tone="error">{t.loadFailed}</Notice>
      ) : invitations.data.length === 0 ? (
        <p className="text-sm text-slate-600">{t.noPending}</p>
      ) : (
        <Table>
          <TableHead
            columns={[
              { label: t.columnEmail },
              { label: t.columnRole },
              { label: t.columnInvitedBy },
              { label: t.columnExpires },
              { label: t.columnActions, srOnly: true },
            ]}
          />
          <tbody>
            {invitations.data.map((invitation) => (
              <TableRow key={invitation.id} data-invitation-id={invitation.id}>
                <RowHeader>
                  <bdi dir="ltr" className="inline-block break-all">
                    {invitation.email}
                  </bdi>
                </RowHeader>
                <Cell>{roleLabel(invitation.role, t)}</Cell>
                <Cell>{invitation.invitedBy}</Cell>
                <Cell>
                  {invitation.expired ? (
                    <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-700">{t.expired}</span>
                  ) : (
                    <time dateTime={invitation.expiresAt}>{formatters.dateTime(invitation.expiresAt)}</time>
                  )}
                </Cell>
                <Cell className="text-end">
                  <Button
                    size="sm"
                    variant="danger-outline"
                    aria-label={format(t.revokeNamed, { email: invitation.email })}
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate({ id: invitation.id })}
                  >
                    {t.revoke}
                  </Button>
                </Cell>
              </TableRow>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
