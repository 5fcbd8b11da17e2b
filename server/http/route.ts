import { currentRequestScope, type RequestScope, runInRequestScope } from "@/server/http/request-scope";
import {
  describeUnexpected,
  logUnexpected,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
} from "@/server/http/unexpected-error";
import { rateLimitHeaders } from "@/server/limits/api-rate-limit";

/** 500 or 503 with a generic message and the request id; the cause goes to the log only. */
export function unexpectedErrorResponse(where: string, error: unknown): Response {
  logUnexpected(where, error);
  const failure = describeUnexpected(error);
  return Response.json(
    { error: { code: failure.code, message: failure.message, requestId: currentRequestScope()?.requestId } },
    { status: failure.httpStatus, headers: { "cache-control": "no-store" } },
  );
}

/** The headers a response of this request carries beyond its own. */
function scopeHeaders(status: number, scope: RequestScope): Record<string, string> {
  const headers: Record<string, string> = { "x-request-id": scope.requestId };
  if (scope.rateLimit) Object.assign(headers, rateLimitHeaders(scope.rateLimit));
  if (status === 503) headers["retry-after"] = String(UNAVAILABLE_RETRY_AFTER_SECONDS);
  return headers;
}

/** The response with X-Request-Id, RateLimit and Retry-After headers from what the request scope saw. */
export function withScopeHeaders(response: Response, scope: RequestScope): Response {
  const headers = scopeHeaders(response.status, scope);
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  } catch {
    // Some responses (redirects, fetched ones) have immutable headers.
    const copy = new Response(response.body, response);
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    return copy;
  }
}

/**
 * A route handler in a request scope: every response gets a request id, and anything it throws
 * becomes a generic 500 (or 503 when the database is unreachable) with that id.
 */
export function scopedRoute<Args extends unknown[]>(
  where: string,
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return (...args) =>
    runInRequestScope(async (scope) => {
      let response: Response;
      try {
        response = await handler(...args);
      } catch (error) {
        response = unexpectedErrorResponse(where, error);
      }
      return withScopeHeaders(response, scope);
    });
}
