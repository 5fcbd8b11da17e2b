"use client";
import { trpc } from "@/client/trpc";
import { useStrings } from "@/components/i18n/locale";
import { InviteForm } from "@/components/settings/members/invite-form";
import { MembersTable } from "@/components/settings/members/members-table";
import { PendingInvitations } from "@/components/settings/members/pending-invitations";

/** Owners and admins: invite people, see who is pending, change roles and remove members. */
export function MembersSection() {
  const t = useStrings("members");
  const me = trpc.v1.workspace.me.useQuery();
  return (
    <div className="space-y-10">
      <div className="max-w-prose space-y-2 text-sm text-slate-600">
        <p>{t.intro}</p>
        <p>{t.rolesHelp}</p>
      </div>
      <InviteForm callerRole={me.data?.role} />
      <PendingInvitations />
      <MembersTable me={me.data ? { memberId: me.data.memberId, role: me.data.role } : undefined} />
    </div>
  );
}
