import { APICallError } from "ai";
import { findOutboundError } from "@/server/outbound/errors";

/** A failure that another attempt cannot fix (configuration, a refused request): the run fails at once. */
export class PermanentRunError extends Error {
  override readonly name = "PermanentRunError";
}

/** A failure in our own words that another attempt may fix. */
export class RetryableRunError extends Error {
  override readonly name = "RetryableRunError";
}

/** Whether another attempt might succeed. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof PermanentRunError) return false;
  const outbound = findOutboundError(error);
  if (outbound) return outbound.code === "unreachable" || outbound.code === "timeout";
  if (APICallError.isInstance(error)) return error.isRetryable;
  return true;
}

/**
 * The error as the workspace reads it on the run: what failed, in general terms. Never the
 * provider's answer (its body can echo the key, the prompt or the far side's internals) nor a
 * library's message (which may quote it): those go to the server's log only.
 */
export function describeError(error: unknown): string {
  if (error instanceof PermanentRunError || error instanceof RetryableRunError) return error.message;
  const outbound = findOutboundError(error);
  if (outbound) return outbound.message;
  if (APICallError.isInstance(error)) {
    return error.statusCode
      ? `The provider answered ${error.statusCode}.`
      : "The request to the provider failed.";
  }
  return "The provider's answer could not be used.";
}

/**
 * The error for the server's log: the provider's status and answer (for the operator to debug),
 * but not the request, whose body is the conversation.
 */
export function errorForLog(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const parts = [`${error.name}: ${error.message}`];
  if (APICallError.isInstance(error)) {
    parts.push(`status ${error.statusCode ?? "none"}`, `url ${error.url}`);
    if (error.responseBody) parts.push(`answer ${error.responseBody.slice(0, 500)}`);
  }
  if (error.cause instanceof Error) parts.push(`cause ${error.cause.name}: ${error.cause.message}`);
  return parts.join("; ");
}
