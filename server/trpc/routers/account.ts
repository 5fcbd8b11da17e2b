import { z } from "zod";
import { ChangePasswordInput, changePassword } from "@/server/account/password";
import { revokeUserSessions } from "@/server/auth/sessions";
import { router, sessionProcedure } from "@/server/trpc/init";

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
});
