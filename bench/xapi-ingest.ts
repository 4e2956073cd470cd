import http from "node:http";
import type { Db } from "@/db/client";
import { ensureCourseFresh } from "@/db/queries/derived";
import { DAY_MS } from "@/lib/demo/catalog";
import { runIngest } from "@/lib/ingest/session";
import { ingestStatements } from "@/lib/ingest/xapi";
import { benchCatalog } from "./course-catalog";
import { send } from "./load";
import type { BenchContext } from "./routes";
import { discussionPosted, problemAttempt, videoPlayed } from "./statements";
import { timeOnce } from "./stats";

/**
 * xAPI ingest over HTTP (`POST /xapi/statements`, batches of 500 new statements from the course's
 * learners, yesterday), with one sender and with several; the floor is `ingestStatements` called
 * in-process on batches of the same shape. Then the first read after those writes, which brings
 * the touched learners' summaries (marked stale by the writes), the ranges and the segments up to
 * date. The bench's statements have ids of their own range, so they are taken out again
 * afterwards (and before, after a run that stopped half-way): a reused database stays as imported.
 */

export const BATCH = 500;
const BATCHES = 20;
export const SENDERS = 4;
const FIRST_ID = "00000000-0000-4000-8000-000000000000";
const LAST_ID = "00000000-0000-4000-8000-ffffffffffff";

export interface Throughput {
  statements: number;
  seconds: number;
  perSecond: number;
}

export interface IngestFigures {
  oneSender: Throughput;
  severalSenders: Throughput & { senders: number };
  floor: Throughput;
  /** The first read's refresh after the ingest: the stale summaries, ranges from the summaries, segments, counts. */
  rangesRefreshSeconds: number;
  rangesRefreshFloorSeconds: number;
}

const benchId = (n: number): string => `${FIRST_ID.slice(0, 24)}${n.toString(16).padStart(12, "0")}`;

/** Batch `b` of 500 statements: six in ten problem attempts, three video plays, one post. */
export function batch(learners: readonly string[], asOfMs: number, b: number): string {
  const { problems, videos, discussions } = benchCatalog();
  const out: string[] = [];
  for (let j = 0; j < BATCH; j++) {
    const n = b * BATCH + j;
    const who = learners[n % learners.length]!;
    const ms = asOfMs - DAY_MS + 9 * 3_600_000 + n * 1000;
    const kind = n % 10;
    if (kind < 6) out.push(problemAttempt(benchId(n), who, problems[n % problems.length]!, ms, n % 3 !== 0));
    else if (kind < 9) out.push(videoPlayed(benchId(n), who, videos[n % videos.length]!, ms));
    else out.push(discussionPosted(benchId(n), who, discussions[n % discussions.length]!, ms));
  }
  return `[${out.join(",")}]`;
}

function throughput(statements: number, seconds: number): Throughput {
  return { statements, seconds, perSecond: statements / seconds };
}

export async function measureIngest(base: URL, c: BenchContext): Promise<IngestFigures> {
  const learners = c.db.$client
    .prepare(
      `SELECT x.external_id FROM user_external_ids x JOIN enrollments e ON e.user_id = x.user_id
       WHERE e.course_id = ? AND e.is_active = 1 ORDER BY x.external_id LIMIT 5000`,
    )
    .pluck()
    .all(c.course) as string[];
  const asOfMs = Date.parse(`${c.asOf}T00:00:00Z`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: SENDERS });
  const headers = {
    authorization: c.authorization,
    "content-type": "application/json",
    "x-experience-api-version": "1.0.3",
  };
  const post = async (b: number): Promise<void> => {
    const a = await send(agent, base, {
      method: "POST",
      path: "/xapi/statements",
      headers,
      body: batch(learners, asOfMs, b),
    });
    if (a.status !== 200)
      throw new Error(`POST /xapi/statements answered ${a.status}: ${a.body.toString().slice(0, 300)}`);
  };
  try {
    const one = await timeOnce(async () => {
      for (let b = 0; b < BATCHES; b++) await post(b);
    });
    const per = BATCHES / SENDERS;
    const several = await timeOnce(() =>
      Promise.all(
        Array.from({ length: SENDERS }, async (_, s) => {
          for (let k = 0; k < per; k++) await post(BATCHES + s * per + k);
        }),
      ),
    );
    const bodies = Array.from(
      { length: BATCHES },
      (_, k) => JSON.parse(batch(learners, asOfMs, 2 * BATCHES + k)) as unknown[],
    );
    const floor = await timeOnce(() => {
      for (const statements of bodies) runIngest(c.db, (session) => ingestStatements(session, statements));
    });
    const refresh = await timeOnce(() => ensureCourseFresh(c.db, c.course, c.asOf));
    const refreshFloor = await timeOnce(() =>
      c.db.$client
        .prepare(
          `SELECT user_id, problems_attempted, problems_completed, problem_attempts, videos_viewed, discussion_contributions,
             days_active, days_active_prev, is_active, segments, cohort, mode FROM learner_summary WHERE course_id = ?`,
        )
        .all(c.course),
    );
    return {
      oneSender: throughput(BATCHES * BATCH, one.seconds),
      severalSenders: { ...throughput(BATCHES * BATCH, several.seconds), senders: SENDERS },
      floor: throughput(BATCHES * BATCH, floor.seconds),
      rangesRefreshSeconds: refresh.seconds,
      rangesRefreshFloorSeconds: refreshFloor.seconds,
    };
  } finally {
    agent.destroy();
  }
}

/**
 * Takes the bench's statements out again through the ingest's own voiding path (their events
 * leave every figure), deletes them, and brings the course's figures back up to date.
 */
export function removeBenchStatements(db: Db, course: string, asOf: string): number {
  const s = db.$client;
  const ids = s
    .prepare(`SELECT id FROM statements WHERE id BETWEEN ? AND ?`)
    .pluck()
    .all(FIRST_ID, LAST_ID) as string[];
  if (ids.length === 0) return 0;
  runIngest(db, (session) => {
    for (const id of ids) session.sink.removeStatement(id);
    s.prepare(`DELETE FROM statements WHERE id BETWEEN ? AND ?`).run(FIRST_ID, LAST_ID);
  });
  ensureCourseFresh(db, course, asOf);
  return ids.length;
}
