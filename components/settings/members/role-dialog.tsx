"use client";
import { useState } from "react";
import { trpc } from "@/client/trpc";
import { format, useStrings } from "@/components/i18n/locale";
import { assignableRoles, type Role, roleLabel } from "@/components/settings/members/roles";
import { serverErrors } from "@/components/settings/server-errors";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useToast } from "@/components/ui/toast";
import type { WorkspaceMemberOutput } from "@/server/members/schemas";

export function RoleDialog({
  member,
  callerRole,
  onClose,
}: {
  member: WorkspaceMemberOutput;
  callerRole: Role | undefined;
  onClose: () => void;
}) {
  const t = useStrings("members");
  const toast = useToast();
  const utils = trpc.useUtils();
  const [role, setRole] = useState<Role>(member.role);
  const [error, setError] = useState<string | null>(null);
  const change = trpc.v1.members.changeRole.useMutation({
    onSuccess: (updated) => {
      utils.v1.members.list.setData(undefined, (list) =>
        list?.map((m) => (m.memberId === updated.memberId ? updated : m)),
      );
      // The caller's own role may have changed: the shell shows sections by it.
      void utils.v1.workspace.me.invalidate();
      toast(format(t.roleChanged, { name: updated.name, role: roleLabel(updated.role, t) }));
      onClose();
    },
    onError: (failure) => {
      const refused = serverErrors(failure, ["role", "memberId"]);
      setError(refused.fields.role && /last owner/.test(refused.fields.role) ? t.lastOwner : failure.message);
    },
  });
  const options = assignableRoles(callerRole, t);
  // An admin looking at an owner never gets here (the menu item is disabled); keep the current role listed.
  if (!options.some((o) => o.value === member.role))
    options.push({ value: member.role, label: roleLabel(member.role, t) });
  return (
    <Dialog title={format(t.changeRoleTitle, { name: member.name })} onClose={onClose}>
      <form
        noValidate
        className="mt-4 space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          change.mutate({ memberId: member.memberId, role });
        }}
      >
        <SelectField
          label={t.newRole}
          hint={t.rolesHelp}
          value={role}
          options={options}
          onChange={(event) => setRole(event.target.value as Role)}
        />
        {error ? <Notice tone="error">{error}</Notice> : null}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{t.cancel}</Button>
          <Button type="submit" variant="primary" disabled={change.isPending || role === member.role}>
            {change.isPending ? t.saving : t.saveRole}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
