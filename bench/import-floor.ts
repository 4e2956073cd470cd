import { randomUUID } from "node:crypto";
import { createReadStream, rmSync } from "node:fs";
import { migrateDb, openDb } from "@/db/client";
import { LineSplitter } from "@/lib/ingest/jsonl/lines";
import { dayOf } from "@/lib/time";

/**
 * The import's floor: the first records of the bench file turned into the rows the import writes
 * for them (user and external id, enrollment, statement, event, learner-item-day count, catalog
 * rows) and inserted with prepared statements into a scratch database of the same schema, in one
 * transaction — no validation, no lookups in the database, no derived tables beyond the per-item
 * counts. What the import costs on top of this is the price of its checks and bookkeeping.
 */

export const FLOOR_RECORDS = 100_000;

export interface ImportFloor {
  records: number;
  seconds: number;
  perSecond: number;
}

type Rec = Record<string, unknown> & { type: string };

const KIND: Record<string, string> = {
  "https://w3id.org/xapi/acrossx/verbs/evaluated": "problem_attempt",
  "https://w3id.org/xapi/video/verbs/played": "video_play",
  "https://w3id.org/xapi/acrossx/verbs/posted": "discussion_post",
};

export async function measureImportFloor(file: string, scratch: string): Promise<ImportFloor> {
  for (const f of [scratch, `${scratch}-wal`, `${scratch}-shm`]) rmSync(f, { force: true });
  const db = openDb(scratch);
  migrateDb(db);
  const s = db.$client;
  const q = {
    department: s.prepare(`INSERT INTO departments (id, name) VALUES (?, ?)`),
    course: s.prepare(`INSERT INTO courses (id, title, starts_at, passing_score) VALUES (?, ?, ?, ?)`),
    objective: s.prepare(`INSERT INTO objectives (id, name) VALUES (?, ?)`),
    item: s.prepare(
      `INSERT INTO items (course_id, id, kind, title, position, mandatory, due_after_days) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    itemObjective: s.prepare(`INSERT INTO item_objectives (course_id, item_id, objective_id) VALUES (?, ?, ?)`),
    goal: s.prepare(`INSERT INTO goals (id, course_id, name, target_kind, targets, topics) VALUES (?, ?, ?, ?, ?, ?)`),
    user: s.prepare(
      `INSERT INTO users (id, username, name, email, email_lower, department_id, role) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    externalId: s.prepare(`INSERT INTO user_external_ids (external_id, user_id) VALUES (?, ?)`),
    enrollment: s.prepare(
      `INSERT INTO enrollments (id, course_id, user_id, mode, cohort, enrolled_at, is_active, unenrolled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    statement: s.prepare(`INSERT INTO statements (id, raw, stored, authority, verb) VALUES (?, ?, ?, NULL, ?)`),
    event: s.prepare(
      `INSERT INTO events (statement_id, user_id, course_id, item_id, kind, ts, day, success, goal_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    bump: s.prepare(
      `INSERT INTO learner_item_day (course_id, user_id, day, item_id, events, attempts, successes, plays, posts) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)
       ON CONFLICT (course_id, user_id, day, item_id) DO UPDATE SET events = events + 1, attempts = attempts + excluded.attempts,
         successes = successes + excluded.successes, plays = plays + excluded.plays, posts = posts + excluded.posts`,
    ),
  };
  // What the import finds in the database, kept here in maps: the floor does no lookups.
  const users = new Map<string, string>(); // username or external id → user id
  const registrations = new Map<string, string>(); // enrollment id → user id
  let course = "";
  const stored = new Date().toISOString();
  const event = (
    statementId: string | null,
    userId: string,
    itemId: string,
    kind: string,
    ms: number,
    success: boolean | null,
    goalId: unknown,
  ) => {
    const day = dayOf(ms);
    const attempt = kind === "problem_attempt" ? 1 : 0;
    q.event.run(
      statementId,
      userId,
      course,
      itemId,
      kind,
      ms,
      day,
      success === null ? null : Number(success),
      typeof goalId === "string" ? goalId : null,
    );
    q.bump.run(
      course,
      userId,
      day,
      itemId,
      attempt,
      attempt && success ? 1 : 0,
      Number(kind === "video_play"),
      Number(kind === "discussion_post"),
    );
  };
  const apply = (r: Rec): void => {
    switch (r.type) {
      case "department":
        return void q.department.run(r.id, r.name);
      case "course":
        course = r.id as string;
        return void q.course.run(r.id, r.title, r.starts_at, r.passing_score);
      case "objective":
        return void q.objective.run(r.id, r.name);
      case "item":
        q.item.run(r.course_id, r.id, r.kind, r.title, r.position, Number(r.mandatory), r.due_after_days ?? null);
        for (const o of r.objectives as string[]) q.itemObjective.run(r.course_id, r.id, o);
        return;
      case "goal": {
        const objective = (r.targets as string[]).every((t) => t.startsWith("lref-"));
        return void q.goal.run(
          r.id,
          r.course_id,
          r.name,
          objective ? "objective" : "item",
          JSON.stringify(r.targets),
          r.topics ? JSON.stringify(r.topics) : null,
        );
      }
      case "user": {
        const id = (r.id as string | undefined) ?? randomUUID();
        q.user.run(
          id,
          r.username,
          r.name,
          r.email,
          (r.email as string).toLowerCase(),
          r.department_id ?? null,
          r.role ?? "user",
        );
        users.set(r.username as string, id);
        for (const x of (r.external_ids as string[] | undefined) ?? []) {
          q.externalId.run(x, id);
          users.set(x, id);
        }
        return;
      }
      case "enrollment": {
        const userId = users.get(r.user as string)!;
        registrations.set(r.id as string, userId);
        return void q.enrollment.run(
          r.id,
          r.course_id,
          userId,
          r.mode,
          r.cohort,
          r.enrolled_at,
          Number(r.is_active),
          r.unenrolled_at ?? null,
        );
      }
      case "statement": {
        const st = r.statement as {
          id: string;
          actor: { account: { name: string } };
          verb: { id: string };
          object: { id: string };
          result?: { success?: boolean };
          context?: { extensions?: Record<string, unknown> };
          timestamp: string;
        };
        q.statement.run(st.id, JSON.stringify(st), stored, st.verb.id);
        const itemId = st.object.id.slice(st.object.id.indexOf("/xblock/") + 8);
        return event(
          st.id,
          users.get(st.actor.account.name)!,
          itemId,
          KIND[st.verb.id]!,
          Date.parse(st.timestamp),
          st.result?.success ?? null,
          st.context?.extensions?.["urn:lantern:goal_id"],
        );
      }
      case "graded_event":
        return event(
          null,
          registrations.get(r.registration_id as string)!,
          r.module_id as string,
          "problem_attempt",
          Date.parse(r.interaction_end_time as string),
          r.is_correct as boolean,
          r.goal_id,
        );
    }
  };
  let records = 0;
  const started = performance.now();
  s.exec("BEGIN IMMEDIATE");
  const splitter = new LineSplitter(
    1 << 24,
    (text) => {
      if (records < FLOOR_RECORDS) {
        apply(JSON.parse(text) as Rec);
        records++;
      }
    },
    () => {},
  );
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    splitter.push(chunk as Buffer);
    if (records >= FLOOR_RECORDS) break;
  }
  s.exec("COMMIT");
  const seconds = (performance.now() - started) / 1000;
  s.close();
  for (const f of [scratch, `${scratch}-wal`, `${scratch}-shm`]) rmSync(f, { force: true });
  return { records, seconds, perSecond: records / seconds };
}
