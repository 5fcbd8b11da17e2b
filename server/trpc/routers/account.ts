import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { ChangePasswordInput, changePassword } from "@/server/account/password";
import { revokeUserSessions } from "@/server/auth/sessions";
import { env } from "@/server/env";
import { router, sessionProcedure, userProcedure } from "@/server/trpc/init";
import { CreateWorkspaceInput, createWorkspace } from "@/server/workspace/create";
import { WorkspaceSummary } from "@/server/workspace/schemas";

const EndedSessions = z.object({ endedSessions: z.number().int() });

/** `v1.account`: the signed-in person's own sign-in, across every workspace they belong to. */
export const accountRouter = router({
  changePassword: sessionProcedure
    .input(ChangePasswordInput)
    .output(EndedSessions)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx, input)),
  /** Ends every session of the caller, this browser's too: a lost laptop or a shared computer. */
  signOutEverywhere: sessionProcedure
    .output(EndedSessions)
    .mutation(async ({ ctx }) => ({ endedSessions: await revokeUserSessions(ctx.db, ctx.userId) })),
  /** A workspace of the caller's own, e.g. when they belong to none (any more). */
  createWorkspace: userProcedure
    .input(CreateWorkspaceInput)
    .output(WorkspaceSummary)
    .mutation(({ ctx, input }) => {
      // With open sign-up off the operator decides who has a workspace (invitations, the CLI).
      if (!env().OPEN_SIGNUP) {
        throw new TRPCError({
          code: "FORBIDDEN",
          message: "Only invitations add workspaces on this server.",
        });
      }
      return createWorkspace(ctx.db, ctx.userId, input);
    }),
});
