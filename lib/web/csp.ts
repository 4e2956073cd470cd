/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce (Next.js
 * puts it on its own scripts when it finds it in the request's policy) and what they load
 * ('strict-dynamic'); nothing may frame a page ('frame-ancestors'); forms post only here. Styles
 * allow inline `style` attributes, which the charts (recharts) and React's style props write;
 * they cannot run code.
 */
export function contentSecurityPolicy(
  nonce: string,
  https: boolean,
  dev = process.env.NODE_ENV === "development",
): string {
  return [
    "default-src 'self'",
    // `next dev` evaluates code for fast refresh; the production build never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
