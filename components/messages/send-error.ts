import { TRPCClientError } from "@trpc/client";

/** The server's own words for a refused send; null when the request never got an answer. */
export function serverMessage(error: unknown): string | null {
  if (error instanceof TRPCClientError && error.data && typeof error.message === "string")
    return error.message;
  return null;
}
