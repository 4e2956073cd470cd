import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { NormalisedEvent } from "@/db/queries/events";
import { eachTestDb } from "@/lib/testing/db";
import { addEvents, attemptsOn, daysBefore, enrollLearners, fixAsOf } from "@/lib/testing/roster";
import {
  iterateLearners,
  listLearners,
  type LearnerCore,
  type LearnerObject,
  type LearnerOrderBy,
  type LearnerSelection,
} from "../learners";

const AS_OF = fixAsOf();
const COURSE = "course-v1:Org+CS101+2026_T1";

let db: Db;
eachTestDb((d) => {
  db = d;
});

const names = (page: { results: LearnerObject[] }) => page.results.map((l) => l.username);
const all = (sel: Partial<LearnerSelection> = {}) =>
  listLearners(db, COURSE, { asOf: AS_OF, page: 1, pageSize: 100, ...sel });

/**
 * The a–f case: a (1.0, 1 attempt), b (2.0, 10), c (2.0, 2), d (no attempts), e (10 attempts, none
 * correct), f (3 attempts, none correct).
 */
function ratioLearners(usernames: Record<"a" | "b" | "c" | "d" | "e" | "f", string>) {
  const ids = enrollLearners(
    db,
    COURSE,
    Object.values(usernames).map((username) => ({ username })),
  );
  const at = (u: keyof typeof usernames, item: string) => ({
    userId: ids.get(usernames[u])!,
    courseId: COURSE,
    itemId: item,
    ts: daysBefore(AS_OF, 2),
  });
  addEvents(db, [
    ...attemptsOn(at("a", "p1"), [true]),
    ...[1, 2, 3, 4, 5].flatMap((i) => attemptsOn(at("b", `p${i}`), [false, true])),
    ...attemptsOn(at("c", "p1"), [false, true]),
    { ...at("d", "v1"), kind: "video_play" },
    ...attemptsOn(at("e", "p1"), Array(10).fill(false)),
    ...attemptsOn(at("f", "p2"), Array(3).fill(false)),
  ]);
}

const RATIO_CASE = { a: "u6", b: "u5", c: "u4", d: "u3", e: "u2", f: "u1" };

describe("sorting by problem_attempts_per_completed", () => {
  it("sorts attempts without a correct answer as +∞ (more attempts higher) and no attempts last both ways", async () => {
    ratioLearners({ a: "a", b: "b", c: "c", d: "d", e: "e", f: "f" });
    expect(names(await all({ orderBy: "problem_attempts_per_completed" }))).toEqual(["a", "b", "c", "f", "e", "d"]);
    expect(names(await all({ orderBy: "problem_attempts_per_completed", sortOrder: "desc" }))).toEqual([
      "e",
      "f",
      "c",
      "b",
      "a",
      "d",
    ]);
  });

  it("orders by the ratio rules, not by username, when usernames run the other way", async () => {
    ratioLearners(RATIO_CASE);
    expect(names(await all({ orderBy: "problem_attempts_per_completed" }))).toEqual([
      "u6",
      "u5",
      "u4",
      "u1",
      "u2",
      "u3",
    ]);
    expect(names(await all({ orderBy: "problem_attempts_per_completed", sortOrder: "desc" }))).toEqual([
      "u2",
      "u1",
      "u4",
      "u5",
      "u6",
      "u3",
    ]);
  });

  it("applies the same rules to a custom window's figures", async () => {
    ratioLearners(RATIO_CASE);
    const window = { start: "2026-03-01", end: "2026-03-19" };
    expect(names(await all({ orderBy: "problem_attempts_per_completed", window }))).toEqual([
      "u6",
      "u5",
      "u4",
      "u1",
      "u2",
      "u3",
    ]);
    expect(names(await all({ orderBy: "problem_attempts_per_completed", sortOrder: "desc", window }))).toEqual([
      "u2",
      "u1",
      "u4",
      "u5",
      "u6",
      "u3",
    ]);
  });

  it("reads the last pages from the other end in the same order", async () => {
    ratioLearners(RATIO_CASE);
    for (const sortOrder of ["asc", "desc"] as const) {
      const whole = names(await all({ orderBy: "problem_attempts_per_completed", sortOrder }));
      const pages: string[] = [];
      for (let page = 1; page <= 6; page++) {
        pages.push(
          ...names(
            await listLearners(db, COURSE, {
              asOf: AS_OF,
              orderBy: "problem_attempts_per_completed",
              sortOrder,
              page,
              pageSize: 1,
            }),
          ),
        );
      }
      expect(pages).toEqual(whole);
    }
  });
});

/**
 * The ratio sort's rule (docs/edx-api.md) on a list's learners: finite ratios in the requested direction,
 * learners with attempts and none correct as +∞ (first descending, after the ratios ascending),
 * learners without attempts last in both directions.
 */
function expectRatioRule(learners: LearnerObject[], desc: boolean, what: string): void {
  const group = (l: LearnerObject) =>
    l.engagements.problems_attempted === 0
      ? 2
      : l.engagements.problem_attempts_per_completed === null
        ? desc
          ? 0
          : 1
        : desc
          ? 1
          : 0;
  const groups = learners.map(group);
  expect(groups, what).toEqual([...groups].sort((x, y) => x - y));
  const ratios = learners.map((l) => l.engagements.problem_attempts_per_completed).filter((r) => r !== null);
  expect(ratios, what).toEqual([...ratios].sort((x, y) => (desc ? y - x : x - y)));
}

/** A varied roster: repeated names, missing emails, shared enrollment days, spread activity. */
function variedRoster(): { events: NormalisedEvent[]; ids: Map<string, string> } {
  const specs = Array.from({ length: 30 }, (_, i) => ({
    username: `user${String((i * 7) % 30).padStart(2, "0")}`,
    name: ["Ann Lee", "Bo Chen", "ann lee", "Zed"][i % 4]!,
    email: i % 5 === 0 ? null : `m${(i * 11) % 30}@example.com`,
    mode: i % 3 ? "verified" : "audit",
    cohort: i % 4 ? `Group ${i % 2}` : null,
    enrolledAt: `2026-01-${String(1 + (i % 6)).padStart(2, "0")}T${String(i % 24).padStart(2, "0")}:00:00.000Z`,
  }));
  const ids = enrollLearners(db, COURSE, specs);
  const events: NormalisedEvent[] = [];
  specs.forEach((s, i) => {
    const base = (item: string, days: number) => ({
      userId: ids.get(s.username)!,
      courseId: COURSE,
      itemId: item,
      ts: daysBefore(AS_OF, days),
    });
    const days = 1 + (i % 12);
    if (i % 3 !== 2)
      events.push(
        ...attemptsOn(
          base(`p${i % 4}`, days),
          Array.from({ length: 1 + (i % 5) }, (_, k) => k === i % 3),
        ),
      );
    if (i % 2) events.push({ ...base(`v${i % 3}`, days + 2), kind: "video_play" });
    for (let k = 0; k < i % 4; k++) events.push({ ...base("forum", days), kind: "discussion_post" });
  });
  addEvents(db, events);
  return { events, ids };
}

type Key = (l: LearnerObject) => string | number | null;
const KEYS: Record<Exclude<LearnerOrderBy, "problem_attempts_per_completed">, Key> = {
  username: (l) => l.username,
  email: (l) => l.email,
  name: (l) => l.name,
  enrollment_date: (l) => l.enrollment_date,
  discussion_contributions: (l) => l.engagements.discussion_contributions,
  problems_attempted: (l) => l.engagements.problems_attempted,
  problems_completed: (l) => l.engagements.problems_completed,
  videos_viewed: (l) => l.engagements.videos_viewed,
};

/** docs/edx-api.md's order: nulls last ascending and first descending, then username ascending. */
function expectedOrder(learners: LearnerObject[], key: Key, desc: boolean): string[] {
  const cmp = (a: string | number | null, b: string | number | null): number => {
    if (a === b) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    return a < b ? -1 : 1;
  };
  return [...learners]
    .sort((x, y) => (desc ? -cmp(key(x), key(y)) : cmp(key(x), key(y))) || (x.username < y.username ? -1 : 1))
    .map((l) => l.username);
}

describe("sorting", () => {
  it.each(Object.keys(KEYS) as (keyof typeof KEYS)[])(
    "by %s, both directions, ties broken by username ascending",
    async (orderBy) => {
      variedRoster();
      const learners = (await all()).results;
      for (const desc of [false, true]) {
        const page = await all({ orderBy, sortOrder: desc ? "desc" : "asc" });
        expect(names(page)).toEqual(expectedOrder(learners, KEYS[orderBy], desc));
      }
    },
  );

  it("sorts a filtered roster the same whichever way it is read", async () => {
    variedRoster();
    const learners = (await all()).results;
    // A narrow filter is read through its index and sorted; a wide one in sort order.
    for (const cohort of ["Group 0", "Group 1"]) {
      for (const mode of [undefined, "audit"]) {
        const inFilter = learners.filter((l) => l.cohort === cohort && (!mode || l.enrollment_mode === mode));
        for (const orderBy of Object.keys(KEYS) as (keyof typeof KEYS)[]) {
          const page = await all({ cohort, enrollmentMode: mode, orderBy, sortOrder: "desc" });
          expect(names(page)).toEqual(expectedOrder(inFilter, KEYS[orderBy], true));
        }
      }
    }
  });

  it("sorts on a custom window's figures when one is given", async () => {
    variedRoster();
    const window = { start: "2026-03-14", end: "2026-03-18" };
    const learners = (await all({ window })).results;
    for (const orderBy of [
      "discussion_contributions",
      "problems_attempted",
      "problems_completed",
      "videos_viewed",
    ] as const) {
      for (const desc of [false, true]) {
        const page = await all({ orderBy, sortOrder: desc ? "desc" : "asc", window });
        expect(names(page)).toEqual(expectedOrder(learners, KEYS[orderBy], desc));
      }
    }
  });
});

describe("paging", () => {
  it("gives exact counts and pages that never overlap or skip, in every sort", async () => {
    variedRoster();
    for (const orderBy of [...Object.keys(KEYS), "problem_attempts_per_completed"] as LearnerOrderBy[]) {
      const whole = names(await all({ orderBy }));
      const pages: string[] = [];
      for (let page = 1; page <= 4; page++) {
        const p = await listLearners(db, COURSE, { asOf: AS_OF, orderBy, page, pageSize: 8 });
        expect(p.count).toBe(30);
        pages.push(...names(p));
      }
      expect(pages).toEqual(whole);
    }
  });

  it("gives every page, those past the middle read from the other end included, as a slice of the whole list", async () => {
    variedRoster();
    const selections: Partial<LearnerSelection>[] = [
      {},
      { cohort: "Group 1" },
      { segments: ["inactive", "highly_engaged"] },
      { textSearch: "ann" },
      { window: { start: "2026-03-10", end: "2026-03-19" } },
    ];
    for (const sel of selections) {
      for (const orderBy of [...Object.keys(KEYS), "problem_attempts_per_completed"] as LearnerOrderBy[]) {
        for (const sortOrder of ["asc", "desc"] as const) {
          const whole = await all({ ...sel, orderBy, sortOrder });
          expect(whole.count, JSON.stringify(sel)).toBeGreaterThan(3);
          if (orderBy === "problem_attempts_per_completed")
            expectRatioRule(whole.results, sortOrder === "desc", JSON.stringify(sel));
          for (let page = 1; (page - 1) * 3 < whole.count; page++) {
            const p = await listLearners(db, COURSE, { asOf: AS_OF, ...sel, orderBy, sortOrder, page, pageSize: 3 });
            expect(p.count).toBe(whole.count);
            expect(p.results, `${JSON.stringify(sel)} ${orderBy} ${sortOrder} page ${page}`).toEqual(
              whole.results.slice((page - 1) * 3, page * 3),
            );
          }
        }
      }
    }
  });

  it("answers a page past the last with the count and no results", async () => {
    variedRoster();
    expect(await listLearners(db, COURSE, { asOf: AS_OF, page: 5, pageSize: 8 })).toEqual({ count: 30, results: [] });
  });

  it("computes a row's segments from its figures while they await recomputing, the same as the stored ones", async () => {
    variedRoster();
    const stored = (await all()).results.map((l) => [l.username, l.segments]);
    expect(new Set(stored.flatMap(([, s]) => s)).size).toBeGreaterThan(2);
    // As a write leaves rows whose segment inputs changed (db/queries/summary-rows.ts).
    db.$client.prepare(`UPDATE learner_summary SET segments = NULL WHERE course_id = ?`).run(COURSE);
    expect((await all()).results.map((l) => [l.username, l.segments])).toEqual(stored);
  });

  it("gives an empty page for a course without learners or an unknown course", async () => {
    enrollLearners(db, COURSE, []);
    expect(await all()).toEqual({ count: 0, results: [] });
    expect(await listLearners(db, "no-such-course", { asOf: AS_OF, page: 1, pageSize: 25 })).toEqual({
      count: 0,
      results: [],
    });
  });
});

describe("iterateLearners", () => {
  async function collect(sel: Partial<LearnerSelection>, batchSize: number): Promise<LearnerObject[]> {
    const out: LearnerObject[] = [];
    for await (const batch of iterateLearners(db, COURSE, { asOf: AS_OF, ...sel }, { batchSize, profiles: true })) {
      expect(batch.length).toBeLessThanOrEqual(batchSize);
      out.push(...batch);
    }
    return out;
  }

  it("yields every matching learner in list order across page and batch boundaries", async () => {
    variedRoster();
    const selections: Partial<LearnerSelection>[] = [
      {},
      { orderBy: "problem_attempts_per_completed", sortOrder: "desc" },
      { orderBy: "name", cohort: "Group 1" },
      { orderBy: "email", segments: ["inactive", "highly_engaged"] },
      { orderBy: "videos_viewed", textSearch: "ann", sortOrder: "desc" },
      { orderBy: "problems_attempted", window: { start: "2026-03-10", end: "2026-03-19" } },
      { orderBy: "enrollment_date", window: { start: "2026-03-10", end: "2026-03-19" }, ignoreSegments: ["inactive"] },
    ];
    for (const sel of selections) {
      const pages: LearnerObject[] = [];
      for (let page = 1; ; page++) {
        const p = await listLearners(db, COURSE, { asOf: AS_OF, ...sel, page, pageSize: 7 });
        pages.push(...p.results);
        if (p.results.length < 7) break;
      }
      expect(await collect(sel, 4)).toEqual(pages);
    }
  });

  it("leaves the shared connection free for writes while it streams from a snapshot", async () => {
    const { ids } = variedRoster();
    const it = iterateLearners(db, COURSE, { asOf: AS_OF }, { batchSize: 10 });
    const first = await it.next();
    expect(first.value).toHaveLength(10);
    // An ingest in the middle of an export neither fails nor shows up in it.
    addEvents(db, [
      {
        userId: ids.get("user29")!,
        courseId: COURSE,
        itemId: "forum",
        kind: "discussion_post",
        ts: daysBefore(AS_OF, 1),
      },
    ]);
    const rest: LearnerCore[] = [];
    for (let r = await it.next(); !r.done; r = await it.next()) rest.push(...r.value);
    expect(rest).toHaveLength(20);
    const before = rest.find((l) => l.username === "user29")!.engagements.discussion_contributions;
    const after = (await all({ textSearch: "user29" })).results[0]!.engagements.discussion_contributions;
    expect(after).toBe(before + 1);
  });
});
