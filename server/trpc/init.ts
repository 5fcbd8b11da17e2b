import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Context } from "@/server/trpc/context";

function describeZodError(error: ZodError): { message: string; issues: { path: string; message: string }[] } {
  const issues = error.issues.map((issue) => ({
    path: issue.path.join(".") || "(input)",
    message: issue.message,
  }));
  return { message: issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues };
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    if (error.code === "BAD_REQUEST" && error.cause instanceof ZodError) {
      const { message, issues } = describeZodError(error.cause);
      return { ...shape, message, data: { ...shape.data, issues } };
    }
    return shape;
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

/** Session or API key; narrows the context so `ctx.caller` is never null downstream. */
export const memberProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.caller) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in or send a valid API key." });
  }
  return next({ ctx: { ...ctx, caller: ctx.caller } });
});

export const adminProcedure = memberProcedure.use(({ ctx, next }) => {
  if (ctx.caller.role === "agent") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only workspace owners and admins may do this." });
  }
  return next();
});

/** A signed-in user acting for themselves (not through a key), e.g. to manage their keys or switch workspace. */
export const sessionProcedure = memberProcedure.use(({ ctx, next }) => {
  if (ctx.caller.via !== "session" || !ctx.userId || !ctx.sessionId) {
    throw new TRPCError({ code: "FORBIDDEN", message: "This needs a signed-in session, not an API key." });
  }
  return next({ ctx: { ...ctx, userId: ctx.userId, sessionId: ctx.sessionId } });
});
