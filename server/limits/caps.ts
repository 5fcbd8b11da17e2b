// Shared with the browser's tRPC link (components/providers.tsx), so it must stay a constant
// here rather than an environment variable: a client that batched more would be refused.

/** Procedure calls in one tRPC batch request. */
export const MAX_BATCH_CALLS = 10;
