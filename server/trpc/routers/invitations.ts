import { TRPCError } from "@trpc/server";
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
import { adminProcedure, publicProcedure, router } from "@/server/trpc/init";

/**
 * A signed-in person, member of any workspace or of none yet (someone removed from their only
 * one may still join another): accepting an invitation needs the person, not a membership.
 */
const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.userId || !ctx.sessionId) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  }
  return next({ ctx: { ...ctx, userId: ctx.userId } });
});

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
  accept: signedInProcedure
    .input(InvitationTokenInput)
    .output(JoinedWorkspaceOutput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.userId, input)),
  /** Creates the account with the invited address and joins; the browser then signs in. */
  acceptAsNewAccount: publicProcedure
    .input(AcceptAsNewAccountInput)
    .output(JoinedWorkspaceOutput)
    .mutation(({ ctx, input }) => acceptAsNewAccount(ctx.db, input)),
});
