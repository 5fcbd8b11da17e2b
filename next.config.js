/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pg and the Prisma adapter stay plain Node modules on the server.
  serverExternalPackages: ["pg", "pg-boss", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  experimental: {
    // A failed build must not poison the next one through the cache.
    turbopackFileSystemCacheForBuild: false,
  },
};

export default nextConfig;
