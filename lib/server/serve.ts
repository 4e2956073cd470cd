import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { env } from "@/lib/env";
import { checkRequestLine, settleForwardedHeaders, type Refusal } from "./front";

/**
 * How long the server keeps an idle keep-alive connection (Node's default is 5 s). A client that
 * keeps several slow requests in flight (a 100,000-learner export beside roster reads) can leave a
 * connection waiting longer than 5 s for the one-threaded server to get back to it; Node then
 * closes it just as the client's next request arrives, and the client sees a reset. Past the 60 s
 * idle timeout load balancers commonly use, so the proxy in front closes first.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export interface ServeOptions {
  dir: string;
  port: number;
  hostname?: string;
}

function send(res: ServerResponse, r: Refusal, head: boolean): void {
  res.writeHead(r.status, { ...r.headers, "Content-Length": Buffer.byteLength(r.body) });
  res.end(head ? undefined : r.body);
}

/**
 * Serves the production build through Lantern's front (`./front.ts`) instead of `next start`:
 * the same Next.js request handler, behind the checks Next.js itself would answer with a 500.
 * Resolves once listening.
 */
export async function serve(opts: ServeOptions): Promise<void> {
  const { LANTERN_TRUST_PROXY: hops, LANTERN_PUBLIC_URL, NEXTAUTH_URL } = env();
  // next-auth builds its URLs (and picks Secure cookies) from X-Forwarded-Host/-Proto, which the
  // front has made trustworthy; NEXTAUTH_URL (LANTERN_PUBLIC_URL) still wins when set. next-auth
  // reads it from process.env itself.
  if (LANTERN_PUBLIC_URL && !NEXTAUTH_URL) process.env.NEXTAUTH_URL = LANTERN_PUBLIC_URL;
  process.env.AUTH_TRUST_HOST ??= "1";
  (globalThis as { __lanternUnregisterTsx?: () => void }).__lanternUnregisterTsx?.();
  const app = next({ dev: false, dir: opts.dir, hostname: opts.hostname ?? "localhost", port: opts.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const line = checkRequestLine(req.method ?? "", req.url ?? "");
    if ("refuse" in line) return send(res, line.refuse, req.method === "HEAD");
    req.url = line.path;
    settleForwardedHeaders(req, req.socket as { remoteAddress?: string; encrypted?: boolean }, hops);
    handle(req, res).catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) {
        res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
      }
      res.end();
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Node closes a connection whose headers take longer than this; it must exceed the keep-alive wait.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.hostname, () => resolve());
  });
  const shown = opts.hostname && opts.hostname !== "0.0.0.0" ? opts.hostname : "localhost";
  console.log(`▲ Ready on http://${shown}:${opts.port}`);
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
