import http from "node:http";
import { summarise, type Timing } from "./stats";

/**
 * The HTTP load generator, on Node's own `http` module (no dependency): `connections` keep-alive
 * connections, each sending its next request as soon as the previous answer has been read in
 * full, for a fixed time. Every latency is kept, so p50/p99 are exact rather than bucketed.
 */

export interface BenchRequest {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** Requests sent first and not measured: route modules load and caches fill on first use. */
  warmup?: number;
  /** Keep going past `seconds` until this many answers are in (slow routes need it for a p99). */
  minRequests?: number;
}

export interface LoadResult extends Timing {
  requests: number;
  /** Answers per second over the whole run, all connections together. */
  perSecond: number;
}

interface Answer {
  status: number;
  body: Buffer;
}

export function send(agent: http.Agent, base: URL, req: BenchRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = {
      ...req.headers,
      ...(req.body !== undefined ? { "content-length": String(Buffer.byteLength(req.body)) } : {}),
    };
    const r = http.request(new URL(req.path, base), { method: req.method ?? "GET", agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    r.on("error", reject);
    r.end(req.body);
  });
}

/** Sends `next(i)` requests over `connections` connections for `seconds`; any answer but 2xx stops the run. */
export async function drive(base: URL, next: (i: number) => BenchRequest, opts: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  try {
    let i = 0;
    const checked = async (): Promise<void> => {
      const req = next(i++);
      const a = await send(agent, base, req);
      if (a.status < 200 || a.status >= 300) {
        throw new Error(`${req.method ?? "GET"} ${req.path} answered ${a.status}: ${a.body.toString().slice(0, 300)}`);
      }
    };
    for (let w = 0; w < (opts.warmup ?? 5); w++) await checked();
    const ms: number[] = [];
    const started = performance.now();
    const deadline = started + opts.seconds * 1000;
    const worker = async (): Promise<void> => {
      while (performance.now() < deadline || ms.length < (opts.minRequests ?? 0)) {
        const t = performance.now();
        await checked();
        ms.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: opts.connections }, worker));
    const seconds = (performance.now() - started) / 1000;
    return { ...summarise(ms), requests: ms.length, perSecond: ms.length / seconds };
  } finally {
    agent.destroy();
  }
}
