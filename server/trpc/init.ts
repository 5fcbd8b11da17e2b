import { initTRPC, TRPCError } from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { ZodError, ZodRealError } from "zod";
import { currentRequestScope } from "@/server/http/request-scope";
import { describeUnexpected } from "@/server/http/unexpected-error";
import { findInputProblem } from "@/server/limits/input-check";
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
    // Never a stack trace, whatever NODE_ENV says.
    const { stack: _stack, ...data } = shape.data;
    if (error.code === "BAD_REQUEST" && error.cause instanceof ZodError) {
      const { message, issues } = describeZodError(error.cause);
      return { ...shape, message, data: { ...data, issues } };
    }
    if (error.code === "INTERNAL_SERVER_ERROR") {
      // Its message is the cause's own (tRPC copies it): Prisma's invocation text, SQL, driver errors.
      const failure = describeUnexpected(error.cause ?? error);
      return {
        ...shape,
        code: TRPC_ERROR_CODES_BY_KEY[failure.code],
        message: failure.message,
        data: {
          ...data,
          code: failure.code,
          httpStatus: failure.httpStatus,
          requestId: currentRequestScope()?.requestId,
        },
      };
    }
    return { ...shape, data };
  },
});

/** NUL, lone surrogates and deep nesting anywhere in the input: 400 naming the field, as zod does. */
const inputChecked = t.middleware(async ({ getRawInput, next }) => {
  let input: unknown;
  try {
    input = await getRawInput();
  } catch {
    // No body (a mutation without input) or one that is not JSON: a procedure that takes input
    // reads it again and tRPC answers its own 400; one that takes none never needed it.
    return next();
  }
  const problem = findInputProblem(input);
  if (problem) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      // ZodRealError is what a failed parse throws (an Error, which tRPC keeps as the cause).
      cause: new ZodRealError([
        { code: "custom", path: problem.path, message: problem.message, input: undefined },
      ]),
    });
  }
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(inputChecked);

/** Session or API key; narrows the context so `ctx.caller` is never null downstream. */
export const memberProcedure = publicProcedure.use(({ ctx, next }) => {
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

/** The workspace's owner, signed in (never through a key): for what cannot be undone. */
export const ownerSessionProcedure = sessionProcedure.use(({ ctx, next }) => {
  if (ctx.caller.role !== "owner") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only a workspace owner may do this." });
  }
  return next();
});

/** A signed-in person, whether or not they belong to a workspace yet (e.g. to create one). */
export const userProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.userId || !ctx.sessionId) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  }
  return next({ ctx: { ...ctx, userId: ctx.userId, sessionId: ctx.sessionId } });
});
