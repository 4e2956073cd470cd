import { existsSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import { listGoals } from "@/db/queries/goals";
import {
  courseLearnerMetadata,
  getLearner,
  learnerTimelineByUsername,
  listLearners,
  type LearnerQuery,
} from "@/db/queries/learners";
import { courseGoals, registrationPage, statusAndProgress } from "@/db/queries/status-progress";
import { addDays, type DayWindow } from "@/lib/time";
import { resultsPage } from "@/db/queries/ispring-results";
import { pathSessionData } from "@/db/queries/path-session";
import { pathSessionStats } from "@/lib/analytics/path-session/stats";
import type { BenchRequest } from "./load";

/**
 * The API routes the bench drives, one line each: the request of call `i`, and its floor — the
 * same query function called in this process straight on better-sqlite3. Routes of a family whose
 * files are not in the tree yet (`needs`) are skipped. (A route handler cannot be the floor: its
 * modules load next-auth, which only Next.js and vitest import as ES modules.)
 */

export interface BenchContext {
  db: Db;
  course: string;
  /** The course id, URL-encoded. */
  q: string;
  asOf: string;
  /** Learners spread over the roster, for the per-learner routes. */
  usernames: string[];
  emails: string[];
  goalIds: string[];
  registrations: number;
  /** A page nine tenths of the way through the default roster. */
  deepPage: number;
  /** A custom engagement window, two weeks long, ending two weeks before the as-of day. */
  window: DayWindow;
  /** `Authorization: Bearer <admin key>`. */
  authorization: string;
}

export interface RouteTarget {
  p50?: number;
  p99?: number;
  /** Share of the trivial route's requests/s. */
  shareOfTrivial?: number;
  text: string;
}

export interface BenchRoute {
  name: string;
  request: (c: BenchContext, i: number) => BenchRequest;
  /** Absent only while a family's query functions are not known to the bench. */
  floor?: (c: BenchContext, i: number) => Promise<unknown>;
  target?: RouteTarget;
  /** A route file that must exist for the route to be measured. */
  needs?: string;
}

// README § Performance, at 100,000 learners on 2 cores.
const LIST: RouteTarget = {
  p50: 15,
  p99: 60,
  shareOfTrivial: 0.5,
  text: "p50 ≤ 15 ms, p99 ≤ 60 ms, ≥ 50% of trivial req/s",
};
const READ: RouteTarget = { p50: 10, text: "p50 ≤ 10 ms" };
const STATUS: RouteTarget = { p50: 100, text: "p50 ≤ 100 ms" };

const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;

/** The learner list with extra query parameters, and the same selection through `listLearners`. */
function list(
  params: (c: BenchContext) => string,
  sel: (c: BenchContext) => Partial<LearnerQuery>,
): Pick<BenchRoute, "request" | "floor"> {
  return {
    request: (c) => ({ path: `/api/v0/learners/?course_id=${c.q}${params(c)}` }),
    floor: (c) => listLearners(c.db, c.course, { asOf: c.asOf, page: 1, pageSize: 25, ...sel(c) }),
  };
}

/** Page `page` of the roster sorted on videos viewed in the bench's window moved `shift` days back. */
function windowSort(shift: (i: number) => number, page: (i: number) => number): Pick<BenchRoute, "request" | "floor"> {
  const windowOf = (c: BenchContext, i: number) => ({
    start: addDays(c.window.start, -shift(i)),
    end: addDays(c.window.end, -shift(i)),
  });
  return {
    request: (c, i) => {
      const w = windowOf(c, i);
      return {
        path: `/api/v0/learners/?course_id=${c.q}&start_date=${w.start}&end_date=${w.end}&order_by=videos_viewed&sort_order=desc&page=${page(i)}`,
      };
    },
    floor: (c, i) =>
      listLearners(c.db, c.course, {
        asOf: c.asOf,
        page: page(i),
        pageSize: 25,
        window: windowOf(c, i),
        orderBy: "videos_viewed",
        sortOrder: "desc",
      }),
  };
}

const statusBody = (c: BenchContext, i: number) => ({
  goal_ids: c.goalIds,
  registration_offset: (i * 100) % Math.max(1, c.registrations - 100),
  registrations_per_page: 100,
});

async function statusFloor(c: BenchContext, i: number): Promise<unknown> {
  const { registration_offset: offset } = statusBody(c, i);
  const { goals } = await courseGoals(c.db, c.course, c.goalIds);
  const page = await registrationPage(c.db, c.course, offset, 100);
  return statusAndProgress(c.db, c.course, goals, page.rows);
}

export const ROUTES: readonly BenchRoute[] = [
  {
    name: "learner list",
    ...list(
      () => "",
      () => ({}),
    ),
    target: LIST,
  },
  {
    name: "learner list, segment struggling",
    ...list(
      () => "&segments=struggling",
      () => ({ segments: ["struggling"] }),
    ),
    target: LIST,
  },
  {
    name: "learner list, ratio desc",
    ...list(
      () => "&order_by=problem_attempts_per_completed&sort_order=desc",
      () => ({ orderBy: "problem_attempts_per_completed", sortOrder: "desc" }),
    ),
    target: LIST,
  },
  {
    name: "learner list, text search",
    ...list(
      () => "&text_search=fatima",
      () => ({ textSearch: "fatima" }),
    ),
    target: LIST,
  },
  {
    name: "learner list, deep page",
    ...list(
      (c) => `&page=${c.deepPage}`,
      (c) => ({ page: c.deepPage }),
    ),
    target: LIST,
  },
  {
    name: "learner list, custom window",
    ...list(
      (c) => `&start_date=${c.window.start}&end_date=${c.window.end}`,
      (c) => ({ window: c.window }),
    ),
    target: LIST,
  },
  // The first page of a window sort sums the window for every learner; the pages after it read the
  // order kept from it (db/queries/learners/window-order.ts). Both are measured: paging through one
  // window, and a new window each time (more windows in turn than are kept, so none is found).
  {
    name: "learner list, custom window sorted on videos viewed, paging",
    ...windowSort(
      () => 0,
      (i) => 1 + (i % 20),
    ),
    target: LIST,
  },
  {
    name: "learner list, custom window sorted on videos viewed, a new window each time",
    ...windowSort(
      (i) => i % 28,
      () => 1,
    ),
    target: LIST,
  },
  {
    name: "learner detail",
    request: (c, i) => ({ path: `/api/v0/learners/${pick(c.usernames, i)}/?course_id=${c.q}` }),
    floor: (c, i) => getLearner(c.db, c.course, pick(c.usernames, i), { asOf: c.asOf }),
    target: READ,
  },
  {
    name: "engagement timeline",
    request: (c, i) => ({ path: `/api/v0/engagement_timelines/${pick(c.usernames, i)}/?course_id=${c.q}` }),
    floor: (c, i) => learnerTimelineByUsername(c.db, c.course, pick(c.usernames, i)),
    target: READ,
  },
  {
    name: "course metadata",
    request: (c) => ({ path: `/api/v0/course_learner_metadata/${c.q}/` }),
    floor: (c) => courseLearnerMetadata(c.db, c.course, c.asOf),
    target: READ,
  },
  {
    name: "status and progress, 100 × 5 goals",
    request: (c, i) => ({
      method: "POST",
      path: `/api/v0/learning-instances/${c.q}/metrics/status-and-progress`,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(statusBody(c, i)),
    }),
    floor: statusFloor,
    target: STATUS,
  },
  {
    name: "scoped goals list",
    request: (c) => ({ path: `/api/v0/learning-instances/${c.q}/scoped-goals` }),
    floor: (c) => listGoals(c.db, c.course),
  },
  {
    name: "iSpring results page (1,000 rows)",
    needs: "app/api/ispring/learners/results/route.ts",
    request: (c) => ({
      path: `/api/ispring/learners/results?courseIds=${c.q}`,
      headers: { accept: "application/json" },
    }),
    floor: (c) => resultsPage(c.db, { courseIds: [c.course], userStatuses: ["active"] }, null, 1000, Date.now()),
  },
  {
    name: "360Learning stats",
    needs: "app/api/360learning/api/v1/paths/sessions/[sessionId]/stats/[userEmailOrId]/route.ts",
    request: (c, i) => ({
      path: `/api/360learning/api/v1/paths/sessions/${c.q}/stats/${encodeURIComponent(pick(c.emails, i))}`,
    }),
    floor: async (c, i) => {
      const data = await pathSessionData(c.db, c.course, pick(c.emails, i));
      return "missing" in data ? data : pathSessionStats({ ...data, now: Date.now() });
    },
  },
];

/** The routes whose files are in the tree, and the names of those left out. */
export function presentRoutes(): { routes: BenchRoute[]; skipped: string[] } {
  const present = (r: BenchRoute) => !r.needs || existsSync(path.resolve(r.needs));
  return { routes: ROUTES.filter(present), skipped: ROUTES.filter((r) => !present(r)).map((r) => r.name) };
}
