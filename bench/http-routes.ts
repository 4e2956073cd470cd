import { drive, type BenchRequest, type LoadResult } from "./load";
import type { BenchContext, BenchRoute, RouteTarget } from "./routes";
import { timeCalls, type CallResult } from "./stats";

/**
 * Each route under load over loopback (README § Performance: latency with one connection at a time,
 * throughput with 16), beside its in-process floor and the trivial route measured in the same run.
 */

export const LATENCY_SECONDS = 3;
export const LOAD_SECONDS = 5;
export const FLOOR_SECONDS = 2;
export const LOAD_CONNECTIONS = 16;

export interface HttpFigures {
  /** One connection: p50/p99. */
  latency: LoadResult;
  /** 16 connections (fewer for a route too slow for 16 to queue on it): requests/s. */
  load: LoadResult & { connections: number };
}

export interface RouteFigures extends HttpFigures {
  name: string;
  floor?: CallResult;
  target?: RouteTarget;
}

/**
 * A request queued behind 15 others on the one-threaded server waits 15 answers long; past Node's
 * 60 s header timeout the server drops the connection. A route this slow (an iSpring page of
 * 1,000 rows at 100,000 learners) is loaded with fewer connections, as many as keep the wait
 * under this, and the table says how many.
 */
const MAX_QUEUE_WAIT_MS = 20_000;

async function underLoad(base: URL, request: (i: number) => BenchRequest): Promise<HttpFigures> {
  const latency = await drive(base, request, { connections: 1, seconds: LATENCY_SECONDS, minRequests: 30 });
  const connections = Math.max(1, Math.min(LOAD_CONNECTIONS, Math.floor(MAX_QUEUE_WAIT_MS / Math.max(latency.p99, 1))));
  const load = await drive(base, request, {
    connections,
    seconds: LOAD_SECONDS,
    warmup: 0,
    minRequests: 2 * connections,
  });
  return { latency, load: { ...load, connections } };
}

/** GET /api/health: what any request costs through Next.js and the route wrapper, with no data. */
export function measureTrivial(base: URL): Promise<HttpFigures> {
  return underLoad(base, () => ({ path: "/api/health" }));
}

export async function measureRoute(base: URL, c: BenchContext, route: BenchRoute): Promise<RouteFigures> {
  const withKey = (i: number): BenchRequest => {
    const req = route.request(c, i);
    return { ...req, headers: { ...req.headers, authorization: c.authorization } };
  };
  const http = await underLoad(base, withKey);
  // The server is idle now, so the floor has the CPU to itself as the route had.
  const floorOf = route.floor;
  const floor = floorOf ? await timeCalls((i) => floorOf(c, i), FLOOR_SECONDS) : undefined;
  return { name: route.name, ...http, floor, target: route.target };
}
