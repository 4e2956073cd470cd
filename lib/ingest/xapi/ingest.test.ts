import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { findStatement } from "@/db/queries/statements";
import { eachTestDb } from "@/lib/testing/db";
import { events, ingest, kinds, NOW, rows, thrown } from "../test-helpers";
import { courseOutcome, forumPosted, problemEvaluated, registered, videoPlayed } from "./test-statements";

let db: Db;
eachTestDb((d) => {
  db = d;
});

const VOIDED = "http://adlnet.gov/expapi/verbs/voided";
function voiding(targetId: string, id: string = randomUUID()) {
  return {
    id,
    actor: { mbox: "mailto:admin@example.com" },
    verb: { id: VOIDED, display: { "en-US": "voided" } },
    object: { objectType: "StatementRef", id: targetId },
  };
}

describe("storing", () => {
  it("assigns ids when absent and stores the statement as received, with stored and authority", async () => {
    const s = videoPlayed();
    delete s.id;
    const { ids } = ingest(db, [s], {
      authority: { objectType: "Agent", name: "key", account: { homePage: "https://lantern.example.com", name: "k1" } },
    });
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    const row = rows<{ raw: string }>(db, `SELECT raw FROM statements`)[0]!;
    expect(JSON.parse(row.raw)).toEqual(s);
    const served = await findStatement(db, ids[0]!, { voided: false });
    expect(served).toMatchObject({
      ...s,
      id: ids[0],
      stored: NOW.toISOString(),
      authority: { account: { name: "k1" } },
    });
  });

  it("keeps the original when it normalised a single contextActivities object", () => {
    const s = problemEvaluated() as Record<string, any>; // test data mutated freely
    s.context.contextActivities.parent = s.context.contextActivities.parent[0];
    ingest(db, [s]);
    expect(
      JSON.parse(rows<{ raw: string }>(db, `SELECT raw FROM statements`)[0]!.raw).context.contextActivities.parent.id,
    ).toBeDefined();
    expect(kinds(db)).toEqual(["problem_attempt"]);
  });

  it("takes an event's time from the timestamp in UTC: 01:30+02:00 falls on the previous day", () => {
    ingest(db, [problemEvaluated({}, { timestamp: "2026-03-16T01:30:00+02:00" })]);
    expect(events(db)[0]).toMatchObject({ ts: Date.parse("2026-03-15T23:30:00Z"), day: "2026-03-15" });
  });

  it("takes stored as the time of a statement without a timestamp", () => {
    const s = problemEvaluated();
    delete s.timestamp;
    ingest(db, [s]);
    expect(events(db)[0]).toMatchObject({ ts: NOW.getTime(), day: "2026-03-16" });
  });
});

describe("ids", () => {
  it("the same id with equivalent content changes nothing", () => {
    const s = problemEvaluated();
    ingest(db, [s]);
    const reordered = Object.fromEntries(Object.entries(s).reverse());
    const again = ingest(db, [{ ...reordered, timestamp: "2026-03-10T16:39:26.906+02:00" }]);
    expect(again).toMatchObject({ stored: 0, unchanged: 1 });
    expect(kinds(db)).toEqual(["problem_attempt"]);
  });

  it("the same id with different content is a conflict", () => {
    const s = problemEvaluated({ success: true });
    ingest(db, [s]);
    const err = thrown(() => ingest(db, [problemEvaluated({ success: false }, { id: s.id })]));
    expect(err).toMatchObject({ kind: "conflict", index: 0, field: "id" });
    expect(kinds(db)).toEqual(["problem_attempt"]);
  });

  it("a PUT's statementId gives a statement without an id its id, and must match one that has an id", () => {
    const s = videoPlayed();
    const id = s.id as string;
    delete s.id;
    expect(ingest(db, [s], { statementId: id.toUpperCase() }).ids).toEqual([id]);
    expect(thrown(() => ingest(db, [videoPlayed()], { statementId: id }))).toMatchObject({
      kind: "invalid",
      field: "id",
    });
    expect(thrown(() => ingest(db, [s], { statementId: "nope" }))).toMatchObject({
      kind: "invalid",
      field: "statementId",
    });
  });

  it("duplicate ids inside one batch are rejected and nothing of the batch is kept", () => {
    const s = problemEvaluated();
    const err = thrown(() => ingest(db, [videoPlayed(), s, { ...s }]));
    expect(err).toMatchObject({ kind: "invalid", index: 2, field: "id" });
    expect(rows(db, `SELECT id FROM statements`)).toEqual([]);
  });

  it("a bad statement anywhere rejects the whole batch", () => {
    const err = thrown(() => ingest(db, [videoPlayed(), { ...problemEvaluated(), verb: { id: "not an iri" } }]));
    expect(err.message).toBe("statement 1: verb.id: must be an absolute IRI");
    expect(rows(db, `SELECT id FROM statements`)).toEqual([]);
    expect(events(db)).toEqual([]);
  });
});

describe("voiding", () => {
  it("removes what the voided statement contributed and marks it voided", async () => {
    const keep = problemEvaluated({ success: true });
    const gone = problemEvaluated({ success: true });
    ingest(db, [keep, gone, forumPosted()]);
    expect(rows(db, `SELECT SUM(attempts) AS attempts, SUM(successes) AS successes FROM learner_item_day`)).toEqual([
      { attempts: 2, successes: 2 },
    ]);

    ingest(db, [voiding(gone.id as string)]);
    expect(events(db).map((e) => e.statement_id)).toEqual([keep.id, expect.any(String)]);
    expect(
      rows(
        db,
        `SELECT SUM(attempts) AS attempts, SUM(successes) AS successes, SUM(posts) AS posts FROM learner_item_day`,
      ),
    ).toEqual([{ attempts: 1, successes: 1, posts: 1 }]);
    expect(await findStatement(db, gone.id as string, { voided: false })).toBeNull();
    expect(await findStatement(db, gone.id as string, { voided: true })).toMatchObject({ id: gone.id });
  });

  it("takes back a course completion the voided statement set", () => {
    const passed = courseOutcome("passed", { timestamp: "2026-03-12T10:00:00Z" });
    ingest(db, [registered(), passed]);
    ingest(db, [voiding(passed.id as string)]);
    expect(rows(db, `SELECT completion_status, completed_at, is_active FROM enrollments`)).toEqual([
      { completion_status: null, completed_at: null, is_active: 1 },
    ]);
  });

  it("a voiding statement that arrives first voids the statement when it comes", () => {
    const late = problemEvaluated();
    ingest(db, [voiding(late.id as string)]);
    ingest(db, [late]);
    expect(kinds(db)).toEqual([]);
    expect(rows(db, `SELECT voided FROM statements WHERE id = ?`, late.id)).toEqual([{ voided: 1 }]);
  });

  it("a voiding statement cannot itself be voided", () => {
    const first = voiding(randomUUID());
    ingest(db, [first]);
    expect(thrown(() => ingest(db, [voiding(first.id)]))).toMatchObject({ kind: "invalid", field: "object.id" });
  });
});
