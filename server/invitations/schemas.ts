import { z } from "zod";
import { NewPassword } from "@/server/account/password";
import { EmailAddress } from "@/server/auth/email";
import { PersonName } from "@/server/signup/schemas";
import { MemberRole } from "@/server/workspace/schemas";

export const CreateInvitationInput = z.object({ email: EmailAddress, role: MemberRole });
export type CreateInvitationInput = z.infer<typeof CreateInvitationInput>;

export const InvitationOutput = z.object({
  id: z.string(),
  email: z.string(),
  role: MemberRole,
  invitedBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** Past its expiry: listed so the inviter sees it, but its link no longer works. */
  expired: z.boolean(),
});
export type InvitationOutput = z.infer<typeof InvitationOutput>;

/** "sent": handed to the operator's SMTP server; "failed": it refused or was unreachable; "off": no SMTP. */
export const InvitationMailStatus = z.enum(["sent", "failed", "off"]);
export type InvitationMailStatus = z.infer<typeof InvitationMailStatus>;

export const CreatedInvitationOutput = z.object({
  invitation: InvitationOutput,
  /** Shown this once to the inviter; only its hash is stored. */
  link: z.string(),
  mail: InvitationMailStatus,
});
export type CreatedInvitationOutput = z.infer<typeof CreatedInvitationOutput>;

export const InvitationIdInput = z.object({ id: z.string().trim().min(1).max(100) });
export type InvitationIdInput = z.infer<typeof InvitationIdInput>;

export const InvitationToken = z.string().trim().min(1, "the link has no token").max(200);

export const InvitationTokenInput = z.object({ token: InvitationToken });
export type InvitationTokenInput = z.infer<typeof InvitationTokenInput>;

/** What the invite page shows before anyone joins. */
export const InvitationPreview = z.object({
  email: z.string(),
  role: MemberRole,
  workspaceName: z.string(),
  inviterName: z.string(),
  expiresAt: z.string(),
  /** Whether a person with the invited address exists: sign in, rather than create an account. */
  accountExists: z.boolean(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const AcceptAsNewAccountInput = z.object({
  token: InvitationToken,
  name: PersonName,
  password: NewPassword,
});
export type AcceptAsNewAccountInput = z.infer<typeof AcceptAsNewAccountInput>;

export const JoinedWorkspaceOutput = z.object({
  workspace: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
  /** The address the new account signs in with (the invited one). */
  email: z.string(),
});
export type JoinedWorkspaceOutput = z.infer<typeof JoinedWorkspaceOutput>;
