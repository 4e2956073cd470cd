import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/db";
import { enrollLearners } from "@/lib/testing/roster";
import { filterWhere, orderSql, type LearnerOrderBy, type LearnerSelection } from "./query";
import { windowCte } from "./window";

/**
 * The roster's speed rests on SQLite reading a page straight off an index in the requested order
 * (db/schema/derived.ts). These check the plans SQLite picks for the queries the list writes.
 */

const COURSE = "course-v1:Org+PLAN+2026";
const t = createTestDb();
enrollLearners(t.db, COURSE, [{ username: "a", cohort: "A" }, { username: "b" }]);
afterAll(() => t.close());

const ORDERS: LearnerOrderBy[] = [
  "username",
  "email",
  "name",
  "enrollment_date",
  "discussion_contributions",
  "problems_attempted",
  "problems_completed",
  "problem_attempts_per_completed",
  "videos_viewed",
];

function plan(sql: string, params: Record<string, unknown>): string {
  const rows = t.db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[];
  return rows.map((r) => r.detail).join(" | ");
}

function pagePlan(sel: LearnerSelection, indexed: boolean, filterIndexed = indexed, reversed = false): string {
  const where = filterWhere(COURSE, sel, { indexed: filterIndexed });
  return plan(
    `SELECT s.username FROM learner_summary s WHERE ${where.conditions.join(" AND ")} ORDER BY ${orderSql(sel, indexed, reversed)} LIMIT 25`,
    where.params,
  );
}

describe("query plans", () => {
  it.each(
    ORDERS.flatMap(
      (o) =>
        [
          [o, "asc"],
          [o, "desc"],
        ] as const,
    ),
  )("reads %s %s off an index, without sorting", (orderBy, sortOrder) => {
    const p = pagePlan({ asOf: "2026-03-20", orderBy, sortOrder }, true);
    expect(p).toMatch(/USING (COVERING )?INDEX learner_summary_/);
    expect(p).not.toMatch(/TEMP B-TREE/);
  });

  it.each(
    ORDERS.flatMap(
      (o) =>
        [
          [o, "asc"],
          [o, "desc"],
        ] as const,
    ),
  )("reads %s %s reversed (a page past the middle) off the same index backwards", (orderBy, sortOrder) => {
    const forward = pagePlan({ asOf: "2026-03-20", orderBy, sortOrder }, true);
    const backward = pagePlan({ asOf: "2026-03-20", orderBy, sortOrder }, true, true, true);
    expect(backward).not.toMatch(/TEMP B-TREE/);
    expect(backward.match(/INDEX (learner_summary_\w+)/)?.[1]).toBe(forward.match(/INDEX (learner_summary_\w+)/)?.[1]);
  });

  it("tests the filters row by row while reading in sort order", () => {
    const p = pagePlan(
      {
        asOf: "2026-03-20",
        orderBy: "name",
        sortOrder: "desc",
        cohort: "A",
        enrollmentMode: "audit",
        segments: ["inactive"],
      },
      true,
      false,
    );
    expect(p).toMatch(/INDEX learner_summary_name_desc_idx/);
    expect(p).not.toMatch(/TEMP B-TREE/);
  });

  it("finds a narrow filter's learners through its index, then sorts them", () => {
    expect(pagePlan({ asOf: "2026-03-20", orderBy: "videos_viewed", cohort: "A" }, false, true)).toMatch(
      /INDEX learner_summary_cohort_idx .*TEMP B-TREE FOR ORDER BY/,
    );
    expect(pagePlan({ asOf: "2026-03-20", orderBy: "videos_viewed", enrollmentMode: "audit" }, false, true)).toMatch(
      /INDEX learner_summary_mode_idx .*TEMP B-TREE FOR ORDER BY/,
    );
    expect(pagePlan({ asOf: "2026-03-20", orderBy: "videos_viewed", segments: ["struggling"] }, false, true)).toMatch(
      /INDEX learner_summary_segments_idx .*TEMP B-TREE FOR ORDER BY/,
    );
  });

  it("starts a search from the users the trigram index finds", () => {
    const where = filterWhere(
      COURSE,
      { cohort: "A" },
      {
        indexed: false,
        search: { match: '"abc"', patterns: ["%abc%"], single: [], impossible: false },
        searchDrives: true,
      },
    );
    const p = plan(
      `SELECT s.username FROM learner_summary s WHERE ${where.conditions.join(" AND ")} ORDER BY +s.name`,
      where.params,
    );
    expect(p).toMatch(/SCAN f VIRTUAL TABLE INDEX/);
    expect(p).toMatch(/sqlite_autoindex_learner_summary_1 \(course_id=\? AND user_id=\?\)/);
  });

  it("reads a custom window learner by learner, within the window's days", () => {
    const p = plan(
      `WITH ${windowCte("SELECT s.user_id FROM learner_summary s WHERE s.course_id = @course")} SELECT * FROM w`,
      {
        course: COURSE,
        windowStart: "2026-03-01",
        windowEnd: "2026-03-08",
      },
    );
    expect(p).toMatch(/learner_item_day USING PRIMARY KEY \(course_id=\? AND user_id=\? AND day>\? AND day<\?\)/);
  });
});
