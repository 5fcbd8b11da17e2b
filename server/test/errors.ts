import { TRPCError } from "@trpc/server";

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
 * The input field a refused call names: the first zod issue's path, or the "field: …" prefix of
 * the message (what the API answers and the settings pages show beside the field).
 */
export async function refusedField(call: Promise<unknown>): Promise<string> {
  const error = await trpcError(call);
  const cause = error.cause as { issues?: { path: PropertyKey[] }[] } | undefined;
  const issue = cause?.issues?.[0];
  if (issue) return issue.path.map(String).join(".");
  return /^([\w.]+): /.exec(error.message)?.[1] ?? `(none: ${error.message})`;
}
