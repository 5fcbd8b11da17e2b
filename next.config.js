/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Several checkouts' builds (parallel e2e runs, benchmarks) can live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Every response, pages and API alike. The Content-Security-Policy carries a nonce per page,
  // so proxy.ts sets it (server/http/security-headers.ts).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          {
            key: "Permissions-Policy",
            value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
          },
        ],
      },
    ];
  },
  // pg and the Prisma adapter stay plain Node modules on the server.
  serverExternalPackages: ["pg", "pg-boss", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  // `npm test` type-checks the whole repo once (tsc --noEmit); doing it again inside every
  // build doubled build time and failed builds on unrelated files (benchmarks, tests).
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // A failed build must not poison the next one through the cache.
    turbopackFileSystemCacheForBuild: false,
    // Turbopack's chunker keeps a page's modules in separate chunks by which of its lazy chunks
    // share them, and each chunk is compressed on its own: the inbox's first load came in 10
    // scripts. Merging them (7 scripts) sends the same code in 1.1-1.6 kB gz less on every page
    // (inbox, customers, settings). Experimental in Next 16; drop this block to go back.
    turbopackChunking: { minChunkSize: 300_000, maxMergeChunkSize: 1_000_000 },
  },
};

export default nextConfig;
