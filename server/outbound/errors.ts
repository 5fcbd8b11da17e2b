export type OutboundErrorCode =
  | "invalid_url"
  | "not_allowed"
  | "unreachable"
  | "timeout"
  | "too_large"
  | "redirect";

// What a workspace is told. General on purpose: never the far side's body, headers or the
// resolved address, so a refused or failed request tells a tenant nothing about the network.
const MESSAGES: Record<OutboundErrorCode, string> = {
  invalid_url: "The endpoint is not a valid http(s) URL.",
  not_allowed: "The endpoint is not allowed by this server.",
  unreachable: "Could not connect to the endpoint.",
  timeout: "The endpoint did not answer in time.",
  too_large: "The endpoint's answer was too large.",
  redirect: "The endpoint answered with a redirect, which is not followed.",
};

/** Why a guarded request failed. `cause`, for the server's log only, may hold the details. */
export class OutboundError extends Error {
  override readonly name = "OutboundError";
  constructor(
    readonly code: OutboundErrorCode,
    options?: { cause?: unknown },
  ) {
    super(MESSAGES[code], options);
  }
}

/** The OutboundError behind an error, however deeply a library wrapped it. */
export function findOutboundError(error: unknown): OutboundError | undefined {
  const seen = new Set<unknown>();
  let current = error;
  while (current instanceof Error && !seen.has(current)) {
    if (current instanceof OutboundError) return current;
    seen.add(current);
    current = current.cause;
  }
  return undefined;
}
