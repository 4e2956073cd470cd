import type { APIRequestContext, Page } from "@playwright/test";
import { engagementRangesOf, type EngagementRanges, type RangeInput } from "../lib/analytics/ranges";
import { e2eDb, expect } from "./fixtures";

export const CS101 = "course-v1:LanternU+CS101+2026_T1";
export const STAT120 = "course-v1:LanternU+STAT120+2026_T1";

export const rosterUrl = (courseId: string, query = "") =>
  `/courses/${encodeURIComponent(courseId)}/learners${query ? `?${query}` : ""}`;

export interface ApiLearner {
  username: string;
  name: string;
  segments: string[];
  cohort: string | null;
  enrollment_mode: string;
  engagements: Record<string, number | null>;
}

/** Every learner the list API returns for a query, page by page, in its order (as the page's session). */
export async function allLearners(request: APIRequestContext, courseId: string, query = ""): Promise<ApiLearner[]> {
  const out: ApiLearner[] = [];
  for (let page = 1; ; page++) {
    const q = new URLSearchParams(query);
    q.set("course_id", courseId);
    q.set("page", String(page));
    q.set("page_size", "100");
    const res = await request.get(`/api/v0/learners/?${q}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { results: ApiLearner[]; next: string | null };
    out.push(...body.results);
    if (!body.next) return out;
  }
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF) as rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** The usernames of the roster's visible rows, in order. */
export async function visibleUsernames(page: Page): Promise<string[]> {
  return page.locator(".roster-table tbody .roster-username").allTextContents();
}

/** Waits until the roster shows the API's answer for the current URL (no fetch in flight). */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator(".roster-table[aria-busy='true']")).toHaveCount(0);
  await expect(page.locator(".loading-note")).toHaveCount(0);
}

/**
 * A custom window's engagement ranges as docs/metrics.md defines them (active learners' figures in that
 * window), read straight from the e2e database's per-item counts.
 */
export function windowRangesOf(courseId: string, start: string, end: string): EngagementRanges {
  const db = e2eDb();
  try {
    const figures = db
      .prepare(
        `SELECT COUNT(DISTINCT CASE WHEN attempts > 0 THEN item_id END) AS problemsAttempted,
          COUNT(DISTINCT CASE WHEN successes > 0 THEN item_id END) AS problemsCompleted, SUM(attempts) AS problemAttempts,
          COUNT(DISTINCT CASE WHEN plays > 0 THEN item_id END) AS videosViewed, SUM(posts) AS discussionContributions,
          COUNT(DISTINCT day) AS daysActive
        FROM learner_item_day WHERE course_id = @c AND day >= @start AND day < @end AND events > 0
          AND user_id IN (SELECT user_id FROM learner_summary WHERE course_id = @c)
        GROUP BY user_id`,
      )
      .all({ c: courseId, start, end }) as RangeInput[];
    return engagementRangesOf(figures);
  } finally {
    db.close();
  }
}

/** Holds every roster API request until the returned function is called (a slow server, seen from the page). */
export async function holdRosterRequests(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route("**/api/v0/learners/**", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
