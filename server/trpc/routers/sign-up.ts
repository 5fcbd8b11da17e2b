import { TRPCError } from "@trpc/server";
import { env } from "@/server/env";
import { SignUpInput, SignUpOutput } from "@/server/signup/schemas";
import { createAccountWithWorkspace } from "@/server/signup/sign-up";
import { admitSignUp } from "@/server/signup/throttle";
import { publicProcedure, router } from "@/server/trpc/init";

export const SIGN_UP_CLOSED =
  "Sign-up is by invitation only on this server. Ask a workspace owner to invite you.";

/** `v1.signUp`: a new person creates their account and workspace; the browser then signs in. */
export const signUpRouter = router({
  create: publicProcedure
    .input(SignUpInput)
    .output(SignUpOutput)
    .mutation(async ({ ctx, input }) => {
      if (!env().OPEN_SIGNUP) throw new TRPCError({ code: "FORBIDDEN", message: SIGN_UP_CLOSED });
      const gate = await admitSignUp(ctx.db, ctx.clientAddress);
      if (!gate.allowed) {
        throw new TRPCError({
          code: "TOO_MANY_REQUESTS",
          message: `Too many accounts were created from this address. Try again in ${Math.ceil(gate.resetSeconds / 60)} min.`,
        });
      }
      return createAccountWithWorkspace(ctx.db, input);
    }),
});
