import { TRPCError } from "@trpc/server";

/**
 * NOT_FOUND naming the input field: the same whether the id does not exist or belongs to another
 * workspace, so a caller cannot tell the two apart.
 */
export function notFound(field: string, what: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `${field}: no such ${what}` });
}
