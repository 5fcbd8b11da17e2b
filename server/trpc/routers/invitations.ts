import { z } from "zod";
import { acceptAsNewAccount, acceptInvitation } from "@/server/invitations/accept";
import { createInvitation } from "@/server/invitations/create";
import { listPendingInvitations } from "@/server/invitations/list";
import { invitationNotValid, previewInvitation } from "@/server/invitations/lookup";
import { revokeInvitation } from "@/server/invitations/revoke";
import {
  AcceptAsNewAccountInput,
  CreatedInvitationOutput,
  CreateInvitationInput,
  InvitationIdInput,
  InvitationOutput,
  InvitationPreview,
  InvitationTokenInput,
  JoinedWorkspaceOutput,
} from "@/server/invitations/schemas";
import { adminProcedure, publicProcedure, router, userProcedure } from "@/server/trpc/init";

/** `v1.invitations`: owners and admins invite by email; the invitee looks at the link and joins. */
export const invitationsRouter = router({
  create: adminProcedure
    .input(CreateInvitationInput)
    .output(CreatedInvitationOutput)
    .mutation(({ ctx, input }) => createInvitation(ctx.db, ctx.caller, input)),
  list: adminProcedure
    .output(z.array(InvitationOutput))
    .query(({ ctx }) => listPendingInvitations(ctx.db, ctx.caller)),
  revoke: adminProcedure
    .input(InvitationIdInput)
    .output(InvitationOutput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.caller, input)),
  /** What the link invites to; NOT_FOUND, whatever the reason, once it is no longer valid. */
  preview: publicProcedure
    .input(InvitationTokenInput)
    .output(InvitationPreview)
    .query(async ({ ctx, input }) => {
      const preview = await previewInvitation(ctx.db, input.token);
      if (!preview) throw invitationNotValid();
      return preview;
    }),
  /** A signed-in person, in a workspace or in none yet (removed from their last one). */
  accept: userProcedure
    .input(InvitationTokenInput)
    .output(JoinedWorkspaceOutput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.userId, input)),
  /** Creates the account with the invited address and joins; the browser then signs in. */
  acceptAsNewAccount: publicProcedure
    .input(AcceptAsNewAccountInput)
    .output(JoinedWorkspaceOutput)
    .mutation(({ ctx, input }) => acceptAsNewAccount(ctx.db, input)),
});
