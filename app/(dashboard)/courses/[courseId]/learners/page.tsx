import type { Metadata } from "next";
import { getDb, type Db } from "@/db/client";
import { courseLearnerMetadata, listLearners } from "@/db/queries/learners";
import { pageOf } from "@/lib/api/edx/paging";
import { learnerListQuery } from "@/lib/api/edx/query";
import { learnerSelectionOf } from "@/lib/api/edx/selection";
import { ApiError } from "@/lib/api/errors";
import { learnersApiUrl, readRoster, rosterParamsOf, writeRoster } from "@/lib/dashboard/roster-state";
import { asOfDay } from "@/lib/env";
import { loadCourse } from "../../../_lib/course";
import { Roster, type PastLast, type RosterPage } from "./_components/roster";
import type { RosterMeta } from "./_components/roster-meta";
import { windowRangesFor } from "./_components/window-ranges-action";

export const metadata: Metadata = { title: "Learners" };

type SearchParams = Record<string, string | string[] | undefined>;

function urlParams(sp: SearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(sp))
    for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.append(k, one);
  return out;
}

/**
 * The first page of the roster the URL asks for, read as the API would read it; null when the
 * API would refuse the URL, in which case the page asks the API and shows what it says. A page
 * past the last is answered with the last page (as the goal table does), and says so.
 */
async function firstPage(
  db: Db,
  courseId: string,
  params: URLSearchParams,
): Promise<{ page: RosterPage; url: string; pastLast: PastLast | null } | null> {
  const q = learnerListQuery.safeParse(Object.fromEntries(params));
  if (!q.success) return null;
  try {
    const sel = await learnerSelectionOf(db, q.data, courseId);
    const asked = pageOf(q.data);
    let { count, results } = await listLearners(db, courseId, { ...sel, ...asked });
    const numPages = Math.max(1, Math.ceil(count / asked.pageSize));
    if (asked.page <= numPages)
      return { page: { count, num_pages: numPages, results }, url: learnersApiUrl(courseId, params), pastLast: null };
    const last = { ...asked, page: numPages };
    ({ count, results } = await listLearners(db, courseId, { ...sel, ...last }));
    return {
      page: { count, num_pages: numPages, results },
      url: learnersApiUrl(courseId, writeRoster(params, { page: numPages })),
      pastLast: { asked: asked.page, last: numPages },
    };
  } catch (err) {
    if (err instanceof ApiError) return null;
    throw err;
  }
}

/** Roster: every learner who ever enrolled, filtered, sorted and paged on the server, state in the URL. */
export default async function RosterPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const load = await loadCourse((await params).courseId);
  if (!load.ok) return null;
  const courseId = load.course.id;
  const db = getDb();
  const asOf = asOfDay();
  const rosterParams = rosterParamsOf(urlParams(await searchParams));
  const window = readRoster(rosterParams).window;
  const [metadata, first, ranges] = await Promise.all([
    courseLearnerMetadata(db, courseId, asOf),
    firstPage(db, courseId, rosterParams),
    window ? windowRangesFor(courseId, window.start, window.end) : null,
  ]);
  const meta: RosterMeta = {
    asOf,
    cohorts: metadata!.cohorts,
    modes: metadata!.enrollment_modes,
    segments: metadata!.segments,
    ranges: metadata!.engagement_ranges,
    windowRanges: window && ranges ? { ...window, ranges } : null,
    total: Object.values(metadata!.enrollment_modes).reduce((a, b) => a + b, 0),
  };
  return (
    <Roster
      courseId={courseId}
      meta={meta}
      initial={first?.page ?? null}
      initialUrl={first?.url ?? learnersApiUrl(courseId, rosterParams)}
      pastLast={first?.pastLast ?? null}
    />
  );
}
