/**
 * Measures the learner analytics data layer (db/queries/learners) on a large synthetic course.
 *
 *   npx tsx bench/learner-queries.ts [--learners 100000] [--db /tmp/lantern-bench/learners.db]
 *
 * The course is written straight into users/enrollments/learner_item_day (a realistic spread of
 * archetypes, about 100 events per learner who ever started, over ten weeks), then the derived
 * tables are rebuilt by the real code (`rebuildCourse`, `ensureCourseFresh`). This is for measuring
 * only: it bypasses the import, so it says nothing about ingest. An existing file is reused.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { migrateDb, openDb, type Db } from "@/db/client";
import { ensureCourseFresh, rebuildCourse } from "@/db/queries/derived";
import { EventSink } from "@/db/queries/events";
import {
  courseLearnerMetadata,
  getLearner,
  iterateLearners,
  learnerTimelineByUsername,
  listLearners,
  type LearnerQuery,
} from "@/db/queries/learners";
import { ORDER_BY } from "@/lib/api/edx/constants";
import { FIRST_NAMES, LAST_NAMES } from "@/lib/demo/names";
import { Random } from "@/lib/random";
import { addDays } from "@/lib/time";

const AS_OF = "2026-03-20";
const COURSE = "course-v1:Bench+BIG+2026";
const DAYS = 70;
process.env.LANTERN_AS_OF = AS_OF;

const { values } = parseArgs({
  options: { learners: { type: "string" }, db: { type: "string" }, runs: { type: "string" } },
});
const LEARNERS = Number(values.learners ?? 100_000);
const FILE = values.db ?? `/tmp/lantern-bench/learners-${LEARNERS}.db`;
const RUNS = Number(values.runs ?? 40);

type Archetype = "steady" | "average" | "struggling" | "disengaging" | "inactive" | "never" | "unenrolled";
const WEIGHTS: Record<Archetype, number> = {
  steady: 0.14,
  average: 0.3,
  struggling: 0.12,
  disengaging: 0.14,
  inactive: 0.14,
  never: 0.08,
  unenrolled: 0.08,
};
const COHORTS = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa"];

/** Active days (days before as-of, 1 = yesterday) of one learner, by archetype. */
function activeDays(r: Random, a: Archetype): number[] {
  const days = new Set<number>();
  const span = (from: number, to: number, p: number) => {
    for (let d = from; d <= to; d++) if (r.chance(p)) days.add(d);
  };
  if (a === "steady") span(1, DAYS, 0.6);
  else if (a === "average") span(1, DAYS, 0.3);
  else if (a === "struggling") span(1, DAYS, 0.35);
  else if (a === "disengaging") {
    span(15, DAYS, 0.3);
    days.add(r.int(8, 14));
  } else if (a === "inactive" || a === "unenrolled") span(15, DAYS, 0.2);
  return [...days];
}

function build(db: Db): void {
  const s = db.$client;
  const r = new Random(42);
  const t0 = performance.now();
  s.transaction(() => {
    s.prepare(`INSERT INTO courses (id, title) VALUES (?, 'Bench')`).run(COURSE);
    for (const c of COHORTS) s.prepare(`INSERT INTO cohorts (course_id, name) VALUES (?, ?)`).run(COURSE, c);
    const user = s.prepare(`INSERT INTO users (id, username, name, email, email_lower) VALUES (?, ?, ?, ?, ?)`);
    const enroll = s.prepare(
      `INSERT INTO enrollments (id, course_id, user_id, mode, cohort, enrolled_at, is_active) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const cell = s.prepare(
      `INSERT INTO learner_item_day (course_id, user_id, day, item_id, events, attempts, successes, plays, posts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < LEARNERS; i++) {
      const first = r.pick(FIRST_NAMES);
      const last = r.pick(LAST_NAMES);
      const username = `${first}.${last}${i}`.toLowerCase().replace(/[^\w.+-]/g, "");
      const email = r.chance(0.03) ? null : `${username}@${r.pick(["example.com", "mail.org", "uni.edu"])}`;
      const id = `u${String(i).padStart(7, "0")}`;
      user.run(id, username, `${first} ${last}`, email, email);
      const a = r.weighted(WEIGHTS);
      const cohort = r.chance(0.3) ? null : r.pick(COHORTS);
      const mode = r.weighted({ audit: 0.5, verified: 0.3, honor: 0.2 });
      enroll.run(
        `e${i}`,
        COURSE,
        id,
        mode,
        cohort,
        `${addDays(AS_OF, -r.int(8, DAYS))}T${String(r.int(0, 23)).padStart(2, "0")}:15:00.000Z`,
        a === "unenrolled" ? 0 : 1,
      );
      const success = a === "struggling" ? 0.2 : a === "steady" ? 0.8 : 0.6;
      for (const d of activeDays(r, a)) {
        const day = addDays(AS_OF, -d);
        const items = new Set<string>();
        for (let k = r.int(2, 5); k > 0; k--) items.add(r.pick(["p", "p", "p", "v", "v", "f"]) + r.int(1, 40));
        for (const item of items) {
          const kind = item[0];
          const attempts = kind === "p" ? r.int(1, a === "struggling" ? 6 : 3) : 0;
          const successes = attempts && r.chance(success) ? 1 : 0;
          const plays = kind === "v" ? r.int(1, 2) : 0;
          const posts = kind === "f" ? r.int(1, 3) : 0;
          cell.run(COURSE, id, day, item, attempts + plays + posts, attempts, successes, plays, posts);
        }
      }
    }
  })();
  const t1 = performance.now();
  s.transaction(() => rebuildCourse(db, COURSE, AS_OF))();
  const t2 = performance.now();
  ensureCourseFresh(db, COURSE, AS_OF);
  const t3 = performance.now();
  const rows = s.prepare(`SELECT COUNT(*) FROM learner_item_day`).pluck().get();
  console.log(`built ${LEARNERS} learners, ${rows} learner-item-days in ${((t1 - t0) / 1000).toFixed(1)} s;`);
  console.log(
    `rebuildCourse ${((t2 - t1) / 1000).toFixed(1)} s; first ensureCourseFresh (ranges, segments, counts) ${((t3 - t2) / 1000).toFixed(2)} s`,
  );
}

async function time(label: string, fn: (i: number) => Promise<unknown>, runs = RUNS): Promise<void> {
  for (let i = 0; i < 3; i++) await fn(i);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(2);
  console.log(`| ${label} | ${q(0.5)} | ${q(0.99)} |`);
}

async function main(): Promise<void> {
  const fresh = !existsSync(FILE);
  const db = openDb(FILE);
  migrateDb(db);
  if (fresh) build(db);
  const s = db.$client;
  const usernames = s
    .prepare(`SELECT username FROM learner_summary WHERE course_id = ? ORDER BY random() LIMIT 200`)
    .pluck()
    .all(COURSE) as string[];
  const base: LearnerQuery = { asOf: AS_OF, page: 1, pageSize: 25 };
  const list = (q: Partial<LearnerQuery>) => () => listLearners(db, COURSE, { ...base, ...q });
  const window = { start: "2026-02-20", end: "2026-03-06" };

  console.log(`\n${LEARNERS} learners, ${RUNS} runs each (ms)\n\n| query | p50 | p99 |\n| --- | --- | --- |`);
  await time("list, default (username asc), page 1", list({}));
  for (const orderBy of ORDER_BY)
    for (const sortOrder of ["asc", "desc"] as const)
      await time(`list, ${orderBy} ${sortOrder}`, list({ orderBy, sortOrder }));
  await time("list, page 50", list({ page: 50 }));
  await time("list, videos_viewed desc, page 50", list({ orderBy: "videos_viewed", sortOrder: "desc", page: 50 }));
  await time("list, page 4000 (last)", list({ page: 4000 }));
  await time('search, a full name ("zainab okonkwo")', list({ textSearch: "zainab okonkwo" }));
  await time("search, one username", (i) =>
    listLearners(db, COURSE, { ...base, textSearch: usernames[i % usernames.length]! }),
  );
  await time(
    'search, a first name ("fatima")',
    list({ textSearch: "fatima", orderBy: "problems_attempted", sortOrder: "desc" }),
  );
  await time('search, common ("uni.edu", a third)', list({ textSearch: "uni.edu" }));
  await time('search, two letters ("zh")', list({ textSearch: "zh" }));
  for (const seg of ["highly_engaged", "struggling", "disengaging", "inactive", "unenrolled"] as const) {
    await time(`segment ${seg}`, list({ segments: [seg] }));
  }
  await time(
    "segments inactive,disengaging, name desc, page 50",
    list({ segments: ["inactive", "disengaging"], orderBy: "name", sortOrder: "desc", page: 50 }),
  );
  await time(
    "ignore_segments inactive, ratio asc",
    list({ ignoreSegments: ["inactive"], orderBy: "problem_attempts_per_completed" }),
  );
  await time(
    "segment disengaging, videos desc",
    list({ segments: ["disengaging"], orderBy: "videos_viewed", sortOrder: "desc" }),
  );
  await time(
    "segment inactive, videos desc (worst case)",
    list({ segments: ["inactive"], orderBy: "videos_viewed", sortOrder: "desc" }),
  );
  await time("ignore_segments inactive, videos asc", list({ ignoreSegments: ["inactive"], orderBy: "videos_viewed" }));
  await time("cohort Beta", list({ cohort: "Beta" }));
  await time("cohort Beta, name desc, page 50", list({ cohort: "Beta", orderBy: "name", sortOrder: "desc", page: 50 }));
  await time("mode honor, videos desc", list({ enrollmentMode: "honor", orderBy: "videos_viewed", sortOrder: "desc" }));
  await time(
    "cohort Beta + honor + struggling, email",
    list({ cohort: "Beta", enrollmentMode: "honor", segments: ["struggling"], orderBy: "email" }),
  );
  await time(
    'search "fatima" + cohort + segment, desc',
    list({ textSearch: "fatima", cohort: "Beta", ignoreSegments: ["inactive"], sortOrder: "desc" }),
  );
  await time("custom window, username sort", list({ window }));
  await time("custom window, videos_viewed desc", list({ window, orderBy: "videos_viewed", sortOrder: "desc" }), 10);
  await time(
    "custom window, ratio asc, cohort Beta",
    list({ window, orderBy: "problem_attempts_per_completed", cohort: "Beta" }),
    10,
  );
  await time("detail", (i) => getLearner(db, COURSE, usernames[i % usernames.length]!, { asOf: AS_OF }));
  await time("detail, custom window", (i) =>
    getLearner(db, COURSE, usernames[i % usernames.length]!, { asOf: AS_OF, window }),
  );
  await time("timeline", (i) => learnerTimelineByUsername(db, COURSE, usernames[i % usernames.length]!));
  await time("timeline, 3-week window", (i) =>
    learnerTimelineByUsername(db, COURSE, usernames[i % usernames.length]!, { start: "2026-02-27", end: "2026-03-20" }),
  );
  await time("metadata", () => courseLearnerMetadata(db, COURSE, AS_OF));

  for (const [label, sel] of [
    ["export, username", {}],
    ["export, ratio desc", { orderBy: "problem_attempts_per_completed" as const, sortOrder: "desc" as const }],
    ["export, custom window, videos desc", { window, orderBy: "videos_viewed" as const, sortOrder: "desc" as const }],
  ] as const) {
    global.gc?.();
    const rss = process.memoryUsage().rss;
    let peak = rss;
    let n = 0;
    const t = performance.now();
    for await (const batch of iterateLearners(db, COURSE, { asOf: AS_OF, ...sel })) {
      n += batch.length;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const sec = (performance.now() - t) / 1000;
    console.log(
      `${label}: ${n} rows in ${sec.toFixed(2)} s = ${Math.round(n / sec)} rows/s, RSS growth ${((peak - rss) / 1e6).toFixed(1)} MB`,
    );
  }

  for (const day of [addDays(AS_OF, 1), AS_OF]) {
    const t = performance.now();
    ensureCourseFresh(db, COURSE, day);
    console.log(
      `first read on as-of day ${day} (summaries, ranges, segments, counts rebuilt): ${((performance.now() - t) / 1000).toFixed(2)} s`,
    );
  }

  // An xAPI-sized write: 500 events of 500 learners in the default window, then the first read.
  const ids = s
    .prepare(`SELECT user_id FROM learner_summary WHERE course_id = ? ORDER BY random() LIMIT 5000`)
    .pluck()
    .all(COURSE) as string[];
  const ingest: number[] = [];
  const firstRead: number[] = [];
  for (let b = 0; b < 10; b++) {
    const t = performance.now();
    s.transaction(() => {
      const sink = new EventSink(db);
      for (let i = 0; i < 500; i++) {
        sink.add({
          userId: ids[b * 500 + i]!,
          courseId: COURSE,
          itemId: `p${i % 40}`,
          kind: "problem_attempt",
          success: i % 2 === 0,
          ts: Date.parse(`${addDays(AS_OF, -1 - (i % 7))}T10:00:00Z`),
        });
      }
      sink.finish();
    })();
    const t2 = performance.now();
    await listLearners(db, COURSE, base);
    ingest.push(t2 - t);
    firstRead.push(performance.now() - t2);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!.toFixed(0);
  console.log(
    `ingest of 500 events (500 learners): median ${median(ingest)} ms; first list read after it: median ${median(firstRead)} ms`,
  );
  s.close();
}

await main();
