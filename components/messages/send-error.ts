import { TRPCClientError } from "@trpc/client";

/** The server's own words for a refused send; null when the request never got an answer. */
export function serverMessage(error: unknown): string | null {
  if (error instanceof TRPCClientError && error.data && typeof error.message === "string")
    return error.message;
  return null;
}

/** The server refused the draft's Idempotency-Key: an earlier, different version was stored under it. */
export function isReusedKey(error: unknown): boolean {
  return (
    error instanceof TRPCClientError &&
    (error.data as { code?: string } | undefined)?.code === "UNPROCESSABLE_CONTENT" &&
    String(error.message).startsWith("Idempotency-Key")
  );
}
