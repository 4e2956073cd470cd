/** @type {import('next').NextConfig} */
const nextConfig = {
  // Every API path answers with and without a trailing slash, without a redirect (docs/api.md).
  skipTrailingSlashRedirect: true,
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project with tsc first; skipping it here halves build time.
  typescript: { ignoreBuildErrors: true },
  // xAPI wants its version header on every response under /xapi, also on those Next.js answers
  // itself (405, the automatic OPTIONS, 404 for the xAPI resources Lantern does not serve).
  // Browsers ask for /favicon.ico whatever the page declares; the app's icon is app/icon.svg.
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
  // Every answer: no MIME sniffing, no referrer beyond this origin, never framed (old browsers;
  // pages also say frame-ancestors 'none' in their Content-Security-Policy, set in proxy.ts).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      { source: "/xapi/:path*", headers: [{ key: "X-Experience-API-Version", value: "1.0.3" }] },
    ];
  },
};

export default nextConfig;
