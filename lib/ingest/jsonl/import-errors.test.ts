import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { eachTestDb } from "@/lib/testing/db";
import { dumpAll, importRecords, importText, NOW } from "../test-helpers";
import { problemEvaluated } from "../xapi/test-statements";
import { importJsonLines, MAX_ERRORS } from "./import";

const COURSE = "course-v1:Org+CS101+2026_T1";

let db: Db;
let before: Record<string, unknown[]>;
eachTestDb(async (d) => {
  db = d;
  // Something already in the database, with activity, so "exactly as it was" covers every table.
  const seeded = await importRecords(db, [
    { type: "course", id: COURSE, title: "CS101" },
    { type: "user", id: "u1", username: "lea", external_ids: ["anon-lea"] },
    { type: "enrollment", course_id: COURSE, user: "lea" },
    {
      type: "statement",
      statement: problemEvaluated(
        {},
        { actor: { account: { homePage: "https://lms.example.com", name: "anon-lea" } } },
      ),
    },
  ]);
  expect(seeded.ok).toBe(true);
  before = dumpAll(db);
});

const good = [
  JSON.stringify({ type: "user", id: "u2", username: "max" }),
  JSON.stringify({ type: "enrollment", course_id: COURSE, user: "max" }),
  JSON.stringify({ type: "statement", statement: problemEvaluated({}, { actor: { mbox: "mailto:new@example.com" } }) }),
];

async function rejected(lines: string[]): Promise<string[]> {
  const result = await importText(db, lines.join("\n"));
  expect(result.ok).toBe(false);
  expect(dumpAll(db)).toEqual(before);
  return result.ok ? [] : result.errors;
}

describe("a bad import changes nothing and says why", () => {
  it.each<[string, string, string]>([
    ["bad JSON", `{"type": "user", "username": "x"`, "line 4: json: not valid JSON"],
    ["a line that is not an object", `[1, 2]`, "line 4: (record): must be a JSON object"],
    ["no type", `{"id": "x"}`, "line 4: type: required"],
    ["an unknown type", `{"type": "teacher", "id": "x"}`, 'line 4: type: unknown record type "teacher"'],
    ["a missing field", `{"type": "department", "id": "d1"}`, "line 4: name: required"],
    [
      "an ill-typed field",
      `{"type": "course", "id": "c1", "passing_score": "high"}`,
      "line 4: passing_score: expected number, got string",
    ],
    [
      "a value out of range",
      `{"type": "course", "id": "c1", "passing_score": 120}`,
      "line 4: passing_score: must be at most 100",
    ],
    ["an unknown field", `{"type": "objective", "id": "o1", "colour": "red"}`, "line 4: colour: unknown field"],
    [
      "a bad enum",
      `{"type": "staff", "course_id": "${COURSE}", "user": "lea", "role": "owner"}`,
      'line 4: role: must be one of "instructor", "staff"',
    ],
    [
      "a bad date",
      `{"type": "course", "id": "c1", "starts_at": "next week"}`,
      "line 4: starts_at: must be an ISO 8601 date or date-time",
    ],
    [
      "a reference to no course",
      `{"type": "enrollment", "course_id": "nope", "user": "lea"}`,
      "line 4: course_id: no course nope",
    ],
    [
      "a reference to no user",
      `{"type": "staff", "course_id": "${COURSE}", "user": "ghost", "role": "staff"}`,
      "line 4: user: no user with id, username or email ghost",
    ],
    [
      "a reference to no objective",
      `{"type": "item", "course_id": "${COURSE}", "id": "i1", "kind": "video", "objectives": ["o9"]}`,
      "line 4: objectives[0]: no objective o9",
    ],
    [
      "a graded event for no registration",
      `{"type": "graded_event", "registration_id": "r1", "module_id": "m1", "interaction_end_time": "2026-03-01T00:00:00Z", "is_correct": true}`,
      "line 4: registration_id: no registration r1",
    ],
    ["a statement conflicting with a stored one", "CONFLICT", "line 4: statement.id: "],
  ])("%s", async (_label, line, message) => {
    const bad = line === "CONFLICT" ? conflictingStatementLine() : line;
    const errors = await rejected([...good, bad]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.startsWith(message)).toBe(true);
  });

  it("reports every error, each with its line, and counts blank lines", async () => {
    const errors = await rejected([
      `{"type": "objective"}`,
      "",
      "   ",
      `{"type": "department", "id": 7, "name": "D", "extra": 1}`,
      ...good,
    ]);
    expect(errors).toEqual([
      "line 1: id: required",
      "line 4: id: expected string, got number",
      "line 4: extra: unknown field",
    ]);
  });

  it("stops at 100 errors", async () => {
    const lines = Array.from({ length: 250 }, (_, i) => `{"type": "objective", "id": "o${i}", "bad": true}`);
    const errors = await rejected(lines);
    expect(errors).toHaveLength(MAX_ERRORS);
    expect(errors.at(-1)).toBe("line 100: bad: unknown field");
  });

  it("rolls back and rethrows when the input itself fails midway", async () => {
    async function* failing() {
      yield Buffer.from(`${good.join("\n")}\n`);
      throw new Error("disk on fire");
    }
    await expect(importJsonLines(db, failing(), { now: NOW })).rejects.toThrow("disk on fire");
    expect(dumpAll(db)).toEqual(before);
    expect(db.$client.inTransaction).toBe(false);
  });
});

describe("reading", () => {
  it("streams lines split across chunks, with CRLF endings, a BOM and no final newline", async () => {
    const text = `\uFEFF${good.join("\r\n")}`;
    const chunks = text.match(/[\s\S]{1,7}/g)!.map((c) => Buffer.from(c));
    const progress: number[] = [];
    const result = await importJsonLines(db, Readable.from(chunks), {
      now: NOW,
      onProgress: (p) => progress.push(p.records),
    });
    expect(result).toMatchObject({ ok: true, counts: { user: 1, enrollment: 1, statement: 1 } });
    expect(progress.at(-1)).toBe(3);
  });
});

function conflictingStatementLine(): string {
  const stored = before.statements![0] as { id: string; raw: string };
  const changed = {
    ...(JSON.parse(stored.raw) as Record<string, unknown>),
    id: stored.id,
    timestamp: "2026-01-01T00:00:00Z",
  };
  return JSON.stringify({ type: "statement", statement: changed });
}
