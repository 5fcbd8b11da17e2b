import { z } from "zod";
import { MemberRole } from "@/server/workspace/schemas";

export const WorkspaceMemberOutput = z.object({
  memberId: z.string(),
  name: z.string(),
  email: z.string(),
  role: MemberRole,
  /** The last request in this workspace, to the minute; null before the first. */
  lastActiveAt: z.string().nullable(),
  joinedAt: z.string(),
});
export type WorkspaceMemberOutput = z.infer<typeof WorkspaceMemberOutput>;

export const ChangeRoleInput = z.object({ memberId: z.string().trim().min(1).max(100), role: MemberRole });
export type ChangeRoleInput = z.infer<typeof ChangeRoleInput>;
