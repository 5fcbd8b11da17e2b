import { isDatabaseUnavailable } from "@/server/http/database-unavailable";
import { currentRequestScope } from "@/server/http/request-scope";

/** Seconds a client is asked to wait after a 503 before it retries. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

export type UnexpectedFailure = {
  code: "SERVICE_UNAVAILABLE" | "INTERNAL_SERVER_ERROR";
  httpStatus: 503 | 500;
  /** What the client is told: never the error's own text (Prisma's and PostgreSQL's say too much). */
  message: string;
};

export function describeUnexpected(error: unknown): UnexpectedFailure {
  if (isDatabaseUnavailable(error)) {
    return {
      code: "SERVICE_UNAVAILABLE",
      httpStatus: 503,
      message: "The service is briefly unavailable. Try again in a few seconds.",
    };
  }
  return {
    code: "INTERNAL_SERVER_ERROR",
    httpStatus: 500,
    message: "Something went wrong on our side. Quote the request id if you report it.",
  };
}

/** The one log line of an unexpected failure: the request id the client got, and the real cause. */
export function logUnexpected(where: string, error: unknown): void {
  const requestId = currentRequestScope()?.requestId ?? "-";
  console.error(`[request ${requestId}] ${where} failed:`, error);
}
