"use client";
import { useEffect, useId, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import { useFormatters } from "@/components/i18n/format";
import { format, useStrings } from "@/components/i18n/locale";
import { RoleDialog } from "@/components/settings/members/role-dialog";
import { type Role, roleLabel } from "@/components/settings/members/roles";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Menu } from "@/components/ui/menu";
import { Notice } from "@/components/ui/notice";
import { Cell, RowHeader, Table, TableHead, TableRow } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { WorkspaceMemberOutput } from "@/server/members/schemas";

/**
 * Runs `open` once the row menu has closed and Radix has given focus back to its button (in a
 * timeout of its own after the menu unmounts): a dialog opened sooner has its first focus taken
 * away, and would return focus on close to a menu item that no longer exists.
 */
function afterMenuCloses(open: () => void) {
  setTimeout(() => setTimeout(open, 0), 0);
}

/** The workspace's people with role, last activity and joined date; a menu per row to change a role or remove. */
export function MembersTable({ me }: { me: { memberId: string; role: Role } | undefined }) {
  const t = useStrings("members");
  const formatters = useFormatters();
  const toast = useToast();
  const utils = trpc.useUtils();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const members = trpc.v1.members.list.useQuery();
  const [changing, setChanging] = useState<WorkspaceMemberOutput | null>(null);
  const [removing, setRemoving] = useState<WorkspaceMemberOutput | null>(null);
  const remove = trpc.v1.workspace.removeMember.useMutation({
    onSuccess: (_result, { memberId }) => {
      if (memberId === me?.memberId) {
        // Leaving ended every session of this person: the next page is the sign-in.
        window.location.assign("/sign-in");
        return;
      }
      const name = removing?.name ?? "";
      utils.v1.members.list.setData(undefined, (list) => list?.filter((m) => m.memberId !== memberId));
      void utils.v1.workspace.members.invalidate();
      setRemoving(null);
      toast(format(t.removed, { name }));
      focusAfterClose(() => heading.current?.focus());
    },
  });
  // A dialog gives focus back to what had it when it opened: here a menu item, gone by then. Once
  // the dialog has unmounted (an effect, not a frame, so it cannot run before), focus goes where
  // a keyboard user continues: the row's menu button, or the list's heading when the row is gone.
  const refocus = useRef<(() => void) | null>(null);
  const [refocusTick, setRefocusTick] = useState(0);
  useEffect(() => {
    if (refocusTick === 0) return;
    refocus.current?.();
    refocus.current = null;
  }, [refocusTick]);
  const focusAfterClose = (target: () => void) => {
    refocus.current = target;
    setRefocusTick((tick) => tick + 1);
  };
  const focusRow = (memberId: string) =>
    focusAfterClose(() =>
      document.querySelector<HTMLElement>(`[data-member-id="${memberId}"] button[aria-haspopup]`)?.focus(),
    );
  const mayManage = (member: WorkspaceMemberOutput) => me?.role === "owner" || member.role !== "owner";
  const removingSelf = removing?.memberId === me?.memberId;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} ref={heading} tabIndex={-1} className="text-lg font-semibold">
        {t.membersHeading}
      </h2>
      {members.isPending ? (
        <p className="text-sm text-slate-600">{t.loading}</p>
      ) : members.isError ? (
        <Notice tone="error">{t.loadFailed}</Notice>
      ) : (
        <Table>
          <TableHead
            columns={[
              { label: t.columnName },
              { label: t.columnEmail },
              { label: t.columnRole },
              { label: t.columnLastActive },
              { label: t.columnJoined },
              { label: t.columnActions, srOnly: true },
            ]}
          />
          <tbody>
            {members.data.map((member) => {
              const self = member.memberId === me?.memberId;
              return (
                <TableRow key={member.memberId} data-member-id={member.memberId}>
                  <RowHeader>
                    {member.name} {self ? <span className="font-normal text-slate-600">{t.you}</span> : null}
                  </RowHeader>
                  <Cell>
                    <bdi dir="ltr" className="inline-block break-all">
                      {member.email}
                    </bdi>
                  </Cell>
                  <Cell>
                    <span data-role={member.role}>{roleLabel(member.role, t)}</span>
                  </Cell>
                  <Cell>
                    {member.lastActiveAt ? (
                      <time dateTime={member.lastActiveAt}>
                        {formatters.relativeTime(member.lastActiveAt)}
                      </time>
                    ) : (
                      <span className="text-slate-600">{t.never}</span>
                    )}
                  </Cell>
                  <Cell>
                    <time dateTime={member.joinedAt}>{formatters.dateTime(member.joinedAt)}</time>
                  </Cell>
                  <Cell className="text-end">
                    <Menu
                      label={format(t.actionsFor, { name: member.name })}
                      trigger={<span aria-hidden>⋯</span>}
                      items={[
                        {
                          label: t.changeRole,
                          disabled: !mayManage(member),
                          onSelect: () => afterMenuCloses(() => setChanging(member)),
                        },
                        {
                          label: self ? t.leave : t.remove,
                          tone: "danger",
                          disabled: !self && !mayManage(member),
                          onSelect: () => afterMenuCloses(() => setRemoving(member)),
                        },
                      ]}
                    />
                  </Cell>
                </TableRow>
              );
            })}
          </tbody>
        </Table>
      )}
      {changing ? (
        <RoleDialog
          member={changing}
          callerRole={me?.role}
          onClose={() => {
            setChanging(null);
            focusRow(changing.memberId);
          }}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={removingSelf ? t.leaveTitle : format(t.removeTitle, { name: removing.name })}
          body={removingSelf ? t.leaveBody : t.removeBody}
          confirmLabel={removingSelf ? t.leaveConfirm : t.removeConfirm}
          pendingLabel={t.removing}
          cancelLabel={t.cancel}
          pending={remove.isPending}
          error={
            remove.error
              ? /last owner/.test(remove.error.message)
                ? t.lastOwnerLeave
                : remove.error.message
              : null
          }
          onConfirm={() => remove.mutate({ memberId: removing.memberId })}
          onClose={() => {
            setRemoving(null);
            remove.reset();
            focusRow(removing.memberId);
          }}
        />
      ) : null}
    </section>
  );
}
