import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";

/** The tRPC error code a call fails with, "OK" when it succeeds. */
export async function errorCode(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `not a TRPCError: ${String(error)}`;
  }
}

/** The error a call fails with; fails the test when the call succeeds. */
export async function trpcError(call: Promise<unknown>): Promise<TRPCError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/**
 * The fields a refused call names: the paths of the schema's issues (as the HTTP answer lists
 * them), or the field a domain check's message starts with ("identifier: …").
 */
export async function badFields(call: Promise<unknown>): Promise<{ code: string; fields: string[] }> {
  const error = await trpcError(call);
  if (error.cause instanceof ZodError) {
    return {
      code: error.code,
      fields: [...new Set(error.cause.issues.map((issue) => issue.path.join(".")))],
    };
  }
  const named = /^([\w.[\]]+): /.exec(error.message);
  return { code: error.code, fields: named?.[1] ? [named[1]] : [] };
}

/** The first field a refused call names (what the settings pages show the error beside). */
export async function refusedField(call: Promise<unknown>): Promise<string> {
  const { fields } = await badFields(call);
  return fields[0] ?? "(none)";
}
