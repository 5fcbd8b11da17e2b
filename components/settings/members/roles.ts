import type { membersStrings } from "@/components/settings/members/strings";

export type Role = "owner" | "admin" | "agent";
type Strings = (typeof membersStrings)["en"];

export function roleLabel(role: Role, t: Strings): string {
  return { owner: t.roleOwner, admin: t.roleAdmin, agent: t.roleAgent }[role];
}

/** The roles this caller may give: only an owner makes owners (the server checks it again). */
export function assignableRoles(callerRole: Role | undefined, t: Strings) {
  const roles: Role[] = callerRole === "owner" ? ["agent", "admin", "owner"] : ["agent", "admin"];
  return roles.map((role) => ({ value: role, label: roleLabel(role, t) }));
}
