import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { masteryModels, objectives } from "../schema";
import { jsonValues, read, write } from "../sql";
import { DEFAULT_PARAMS, fitObjective, type BktParams } from "@/lib/analytics/mastery";

/**
 * The mastery model's stored parameters, the attempt sequences it is fitted on and traces, and its
 * refit (docs/metrics.md § Status and progress).
 */

export interface ObjectiveModel {
  params: BktParams;
  fitted: boolean;
}

const NOT_FITTED: ObjectiveModel = Object.freeze({ params: DEFAULT_PARAMS, fitted: false });

/**
 * Graded problem attempts: the responses BKT reads, in time order (`events_graded_idx` holds them
 * in that order, so reads of them never touch the table).
 */
const GRADED = `e.kind = 'problem_attempt' AND e.success IS NOT NULL`;
const ON_OBJECTIVES = `JOIN item_objectives io ON io.course_id = e.course_id AND io.item_id = e.item_id`;

/** A JSON array parameter's values: SQLite's json_each, PostgreSQL's jsonb_array_elements_text. */
const SQLITE_IDS = "SELECT value FROM json_each(?)";
const POSTGRES_IDS = jsonValues("?");

const modelsSql = (ids: string) =>
  `SELECT objective_id AS id, prior, learn, guess, slip, forget, fitted FROM mastery_models WHERE objective_id IN (${ids})`;
const MODELS = read(
  "mastery.models",
  modelsSql(SQLITE_IDS),
  { id: "text", prior: "real", learn: "real", guess: "real", slip: "real", forget: "real", fitted: "int" },
  { postgres: modelsSql(POSTGRES_IDS) },
);
const assessingSql = (ids: string) =>
  `SELECT course_id, item_id, objective_id FROM item_objectives WHERE objective_id IN (${ids})`;
const ASSESSING = read(
  "mastery.assessing",
  assessingSql(SQLITE_IDS),
  { course_id: "text", item_id: "text", objective_id: "text" },
  { postgres: assessingSql(POSTGRES_IDS) },
);
// Attempts in time order, ties (one timestamp) broken by the rest of events_graded_idx's key, so
// the sequences are the same on either engine (SQLite reads them off that index, no sort).
const usersAttemptsSql = (ids: string) =>
  `SELECT e.user_id, e.course_id, e.item_id, e.success FROM events e
       WHERE e.user_id IN (${ids}) AND ${GRADED} ORDER BY e.user_id, e.ts, e.course_id, e.item_id, e.success`;
const USERS_ATTEMPTS = read(
  "mastery.users-attempts",
  usersAttemptsSql(SQLITE_IDS),
  { user_id: "text", course_id: "text", item_id: "text", success: "int" },
  { postgres: usersAttemptsSql(POSTGRES_IDS) },
);
const ALL_ATTEMPTS = read(
  "mastery.all-attempts",
  `SELECT io.objective_id, e.user_id, e.success FROM events e ${ON_OBJECTIVES} WHERE ${GRADED} ORDER BY e.user_id, e.ts, e.course_id, e.item_id, e.success, io.objective_id`,
  { objective_id: "text", user_id: "text", success: "int" },
);
const UPSERT = write(
  "mastery.upsert",
  `INSERT INTO mastery_models (objective_id, prior, learn, guess, slip, forget, fitted, attempts, users, log_likelihood, fitted_at)
     VALUES (@id, @prior, @learn, @guess, @slip, @forget, @fitted, @attempts, @users, @logLikelihood, @fittedAt)
     ON CONFLICT (objective_id) DO UPDATE SET prior = excluded.prior, learn = excluded.learn, guess = excluded.guess, slip = excluded.slip,
       forget = excluded.forget, fitted = excluded.fitted, attempts = excluded.attempts, users = excluded.users,
       log_likelihood = excluded.log_likelihood, fitted_at = excluded.fitted_at`,
);

/** Appends a response to the sequence at `outer` → `inner`. */
function append(into: Map<string, Map<string, boolean[]>>, outer: string, inner: string, correct: boolean): void {
  let byInner = into.get(outer);
  if (!byInner) into.set(outer, (byInner = new Map()));
  const seq = byInner.get(inner);
  if (seq) seq.push(correct);
  else byInner.set(inner, [correct]);
}

/** The model of each objective: its stored fit, or the defaults (not fitted). */
export async function objectiveModels(db: Db, objectiveIds: readonly string[]): Promise<Map<string, ObjectiveModel>> {
  const out = new Map<string, ObjectiveModel>(objectiveIds.map((id) => [id, NOT_FITTED]));
  if (!objectiveIds.length) return out;
  for (const r of MODELS.all(db.$client, JSON.stringify(objectiveIds))) {
    out.set(r.id, {
      params: { prior: r.prior, learn: r.learn, guess: r.guess, slip: r.slip, forget: r.forget },
      fitted: r.fitted === 1,
    });
  }
  return out;
}

/**
 * Each user's graded attempts on each objective, in every course, in time order: user → objective
 * → responses (true = correct). The items assessing the objectives are looked up once, and the
 * users' graded attempts are read off `events_graded_idx` alone (no join per attempt).
 */
export async function attemptSequences(
  db: Db,
  userIds: readonly string[],
  objectiveIds: readonly string[],
): Promise<Map<string, Map<string, boolean[]>>> {
  const out = new Map<string, Map<string, boolean[]>>();
  if (!userIds.length || !objectiveIds.length) return out;
  const s = db.$client;
  const assesses = new Map<string, string[]>();
  for (const { course_id, item_id, objective_id } of ASSESSING.all(s, JSON.stringify(objectiveIds))) {
    const key = `${course_id}\u0000${item_id}`;
    const list = assesses.get(key);
    if (list) list.push(objective_id);
    else assesses.set(key, [objective_id]);
  }
  // .all() over .iterate(): a third less time a row, and a page of learners' attempts is small.
  for (const { user_id, course_id, item_id, success } of USERS_ATTEMPTS.all(s, JSON.stringify(userIds))) {
    for (const objectiveId of assesses.get(`${course_id}\u0000${item_id}`) ?? [])
      append(out, user_id, objectiveId, success === 1);
  }
  return out;
}

/** A refit runs again for an objective whose graded attempts grew by this share since its fit. */
export const REFIT_GROWTH = 0.1;

export interface RefitReport {
  /** Objectives whose parameters were written. */
  refitted: number;
  /** Of those, how many met the fitted rule. */
  fitted: number;
  objectives: number;
  ms: number;
}

/**
 * Fits every objective that has never been fitted or whose graded attempts grew by REFIT_GROWTH
 * since (all when `force`), from every user's attempt sequences, and stores the parameters. The
 * read is one pass over the events; each objective's parameters are written in its own short
 * transaction, so readers never wait on the fitting.
 */
export function refitMastery(db: Db, opts: { force?: boolean; now?: Date } = {}): RefitReport {
  const started = Date.now();
  const s = db.$client;
  const stored = new Map(
    db
      .select({ id: masteryModels.objectiveId, attempts: masteryModels.attempts })
      .from(masteryModels)
      .all()
      .map((r) => [r.id, r.attempts]),
  );
  const sequences = new Map<string, Map<string, boolean[]>>();
  for (const r of ALL_ATTEMPTS.iterate(s)) append(sequences, r.objective_id, r.user_id, r.success === 1);
  const exists = (id: string) =>
    db.select({ id: objectives.id }).from(objectives).where(eq(objectives.id, id)).get() !== undefined;
  let refitted = 0;
  let fitted = 0;
  const fittedAt = (opts.now ?? new Date()).toISOString();
  for (const [id, byUser] of sequences) {
    const seqs = [...byUser.values()];
    const attempts = seqs.reduce((a, q) => a + q.length, 0);
    const before = stored.get(id);
    if (!opts.force && before !== undefined && attempts - before < before * REFIT_GROWTH) continue;
    const fit = fitObjective(seqs);
    // The objective may have been removed while fitting; its parameters then have nowhere to go.
    if (!exists(id)) continue;
    UPSERT.run(s, {
      id,
      ...fit.params,
      fitted: fit.fitted ? 1 : 0,
      attempts,
      users: seqs.length,
      logLikelihood: fit.logLikelihood,
      fittedAt,
    });
    refitted++;
    if (fit.fitted) fitted++;
  }
  return { refitted, fitted, objectives: sequences.size, ms: Date.now() - started };
}
