/** @type {import('next').NextConfig} */
const nextConfig = {
  // Every API path answers with and without a trailing slash, without a redirect (api.md).
  skipTrailingSlashRedirect: true,
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
