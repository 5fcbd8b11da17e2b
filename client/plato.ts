import { createTRPCClient, httpLink } from "@trpc/client";
import type { AppRouter } from "@/server/trpc/router";

export type PlatoClientOptions = {
  /** Where the app is served, e.g. `https://inbox.example.com`. */
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
};

/**
 * The typed Connect API client: `plato.v1.connect.send.mutate(...)`.
 * Plain JSON over HTTP, no transformer, so any HTTP client can make the same calls.
 * Pass `{ context: { idempotencyKey } }` as a mutation's second argument to make retries safe.
 */
export function createPlatoClient(options: PlatoClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${options.baseUrl.replace(/\/$/, "")}/api/trpc`,
        fetch: options.fetch,
        headers: ({ op }) => {
          const headers: Record<string, string> = { authorization: `Bearer ${options.apiKey}` };
          const key = op.context.idempotencyKey;
          if (typeof key === "string") headers["idempotency-key"] = key;
          return headers;
        },
      }),
    ],
  });
}

export type PlatoClient = ReturnType<typeof createPlatoClient>;
