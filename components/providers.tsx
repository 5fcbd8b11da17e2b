"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { httpBatchLink, httpLink, splitLink } from "@trpc/client";
import { type ReactNode, useState } from "react";
import { trpc } from "@/client/trpc";
import { MAX_BATCH_CALLS } from "@/server/limits/caps";

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 } },
      }),
  );
  const [trpcClient] = useState(() =>
    trpc.createClient({
      links: [
        // Mutations go one per request so each carries its own Idempotency-Key. (The live
        // stream is not tRPC: components/live opens GET /api/live with the browser's EventSource.)
        splitLink({
          condition: (op) => op.type === "mutation",
          true: httpLink({
            url: "/api/trpc",
            headers: ({ op }) => {
              const key = op.context.idempotencyKey;
              return typeof key === "string" ? { "idempotency-key": key } : {};
            },
          }),
          // Queries are batched, except one that must not wait for the others in its batch
          // (the live stream's newest messages): `context: { skipBatch: true }`.
          false: splitLink({
            condition: (op) => op.context.skipBatch === true,
            true: httpLink({ url: "/api/trpc" }),
            // The server refuses a larger batch (server/limits/caps.ts).
            false: httpBatchLink({ url: "/api/trpc", maxItems: MAX_BATCH_CALLS }),
          }),
        }),
      ],
    }),
  );
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}
