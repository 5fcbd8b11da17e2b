/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Several checkouts' builds (parallel e2e runs, benchmarks) can live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // pg and the Prisma adapter stay plain Node modules on the server.
  serverExternalPackages: ["pg", "pg-boss", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  // `npm test` type-checks the whole repo once (tsc --noEmit); doing it again inside every
  // build doubled build time and failed builds on unrelated files (benchmarks, tests).
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // A failed build must not poison the next one through the cache.
    turbopackFileSystemCacheForBuild: false,
  },
};

export default nextConfig;
