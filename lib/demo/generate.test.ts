import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { demoAccounts, generateDemo, population, writeDemo } from "./index";
import { SESSION_SIZES } from "./sessions";

const asOf = "2026-03-16";
const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
const earliestMs = asOfMs - 70 * 86_400_000;
const TYPES = [
  "department",
  "user",
  "course",
  "staff",
  "enrollment",
  "objective",
  "item",
  "goal",
  "statement",
  "graded_event",
];

type Rec = Record<string, unknown> & { type: string };

/** Fails on the first record that names something not defined on an earlier line. */
function checkReferences(lines: string[]): void {
  const departments = new Set<string>();
  const users = new Set<string>();
  const anon = new Set<string>();
  const courses = new Set<string>();
  const objectives = new Set<string>();
  const items = new Set<string>();
  const goals = new Map<string, string>();
  const registrations = new Map<string, string>();
  const need = (ok: boolean, n: number, what: string): void => {
    if (!ok) throw new Error(`line ${n + 1}: ${what} is not defined earlier: ${lines[n]}`);
  };
  lines.forEach((l, n) => {
    const r = JSON.parse(l) as Rec;
    switch (r.type) {
      case "department":
        need(r.parent_id === null || departments.has(r.parent_id as string), n, "parent_id");
        departments.add(r.id as string);
        break;
      case "user":
        need(departments.has(r.department_id as string), n, "department_id");
        for (const d of (r.managed_department_ids as string[] | undefined) ?? [])
          need(departments.has(d), n, "managed department");
        users.add(r.username as string);
        for (const x of (r.external_ids as string[] | undefined) ?? []) anon.add(x);
        break;
      case "course":
        courses.add(r.id as string);
        break;
      case "staff":
      case "enrollment":
        need(courses.has(r.course_id as string), n, "course_id");
        need(users.has(r.user as string), n, "user");
        if (r.type === "enrollment") registrations.set(r.id as string, r.course_id as string);
        break;
      case "objective":
        objectives.add(r.id as string);
        break;
      case "item":
        need(courses.has(r.course_id as string), n, "course_id");
        for (const o of r.objectives as string[]) need(objectives.has(o), n, `objective ${o}`);
        items.add(`${r.course_id as string} ${r.id as string}`);
        break;
      case "goal": {
        const targets = r.targets as string[];
        for (const t of targets)
          need(objectives.has(t) || items.has(`${r.course_id as string} ${t}`), n, `target ${t}`);
        for (const topic of (r.topics as { targets: string[] }[] | undefined) ?? []) {
          for (const t of topic.targets) need(targets.includes(t), n, `topic target ${t}`);
        }
        goals.set(r.id as string, r.course_id as string);
        break;
      }
      case "graded_event": {
        const course = registrations.get(r.registration_id as string);
        need(course !== undefined, n, "registration_id");
        need(items.has(`${course} ${r.module_id as string}`), n, "module_id");
        need(goals.get(r.goal_id as string) === course, n, "goal_id");
        break;
      }
      case "statement": {
        const s = r.statement as {
          actor: { account: { name: string } };
          object: { id: string };
          context: Rec & { contextActivities?: { parent: { id: string }[] }; extensions: Record<string, string> };
        };
        need(anon.has(s.actor.account.name), n, "actor");
        const courseIri = s.context.contextActivities?.parent[0]?.id ?? s.object.id;
        const course = courseIri.split("/course/")[1] as string;
        need(courses.has(course), n, "course");
        const block = s.object.id.split("/xblock/")[1];
        if (block) need(items.has(`${course} ${block}`), n, "item");
        const goal = s.context.extensions["urn:lantern:goal_id"];
        if (goal)
          need(goals.get(goal) === course && registrations.get(s.context.registration as string) === course, n, "goal");
        break;
      }
      default:
        throw new Error(`line ${n + 1}: unknown type ${r.type}`);
    }
  });
}

describe("generateDemo", () => {
  const lines = [...generateDemo({ asOf, learners: 400, seed: 11 })];

  it("is byte-identical for the same seed and as-of day, and differs for another seed", () => {
    expect([...generateDemo({ asOf, learners: 400, seed: 11 })].join("\n")).toBe(lines.join("\n"));
    const other = [...generateDemo({ asOf, learners: 400, seed: 12 })];
    expect(other.join("\n")).not.toBe(lines.join("\n"));
  });

  it("writes one JSON object per line, each of a known type", () => {
    const odd = lines.filter((l) => l.includes("\n") || !TYPES.includes((JSON.parse(l) as Rec).type));
    expect(odd).toEqual([]);
  });

  it("refers only to things defined on earlier lines", () => {
    expect(() => checkReferences(lines)).not.toThrow();
  });

  it("puts every event in the ten weeks before the as-of day", () => {
    const outside: string[] = [];
    for (const l of lines) {
      const r = JSON.parse(l) as Rec;
      const times: string[] = [];
      if (r.type === "statement") times.push((r.statement as { timestamp: string }).timestamp);
      if (r.type === "graded_event") times.push(r.interaction_end_time as string);
      if (r.type === "enrollment")
        times.push(r.enrolled_at as string, ...(r.unenrolled_at ? [r.unenrolled_at as string] : []));
      for (const t of times) {
        const ms = Date.parse(t);
        if (!(ms >= earliestMs && ms < asOfMs)) outside.push(l);
      }
    }
    expect(outside).toEqual([]);
  });

  it("gives usernames, emails and ids that are unique", () => {
    const users = lines.map((l) => JSON.parse(l) as Rec).filter((r) => r.type === "user");
    for (const key of ["id", "username", "email"]) {
      const values = users.map((u) => String(u[key]).toLowerCase());
      expect(new Set(values).size).toBe(values.length);
    }
    const statementIds = lines
      .filter((l) => l.startsWith('{"type":"statement"'))
      .map((l) => (JSON.parse(l) as { statement: { id: string } }).statement.id);
    expect(new Set(statementIds).size).toBe(statementIds.length);
  });

  it("enrols 40, 500 and `learners` people, with some in several courses", () => {
    const counts = (learners: number): number[] => {
      const p = population(learners);
      const n = [0, 0, 0];
      for (let i = 0; i < p.total; i++) for (const c of p.coursesOf(i)) n[c] = (n[c] ?? 0) + 1;
      return n;
    };
    expect(counts(3000)).toEqual([40, 500, 3000]);
    expect(counts(100_000)).toEqual([40, 500, 100_000]);
    expect(counts(100)).toEqual([40, 100, 100]);
    expect(counts(1)).toEqual([1, 1, 1]);
    expect(population(3000).coursesOf(0)).toEqual([0, 1, 2]);
    const enrolments = lines.filter((l) => l.startsWith('{"type":"enrollment"')).map((l) => JSON.parse(l) as Rec);
    const perCourse = new Map<string, number>();
    for (const e of enrolments) perCourse.set(e.course_id as string, (perCourse.get(e.course_id as string) ?? 0) + 1);
    expect([...perCourse.values()].sort((a, b) => a - b)).toEqual([
      SESSION_SIZES.upcoming,
      SESSION_SIZES.ended,
      40,
      400,
      400,
    ]);
  });

  it("creates the demo accounts with their passwords and roles", () => {
    const users = new Map(
      lines
        .map((l) => JSON.parse(l) as Rec)
        .filter((r) => r.type === "user")
        .map((u) => [u.username as string, u]),
    );
    for (const a of demoAccounts) {
      const u = users.get(a.username);
      expect(u?.password, a.username).toBe(a.password);
      if (a.role === "admin" || a.role === "department_admin") expect(u?.role).toBe(a.role);
    }
    expect(users.get("h.nakamura")?.managed_department_ids).toEqual(["science"]);
    const staff = lines.filter((l) => l.startsWith('{"type":"staff"')).map((l) => JSON.parse(l) as Rec);
    expect(staff.filter((s) => s.user === "m.okafor")).toHaveLength(2);
    expect(staff.some((s) => s.user === "j.lindqvist" && s.role === "staff")).toBe(true);
  });

  it("rejects bad options", () => {
    expect(() => [...generateDemo({ asOf: "2026-02-30" })]).toThrow(/asOf/);
    expect(() => [...generateDemo({ asOf, learners: 0 })]).toThrow(/learners/);
  });
});

describe("writeDemo", () => {
  it("writes newline-terminated lines and counts them by type", async () => {
    let text = "";
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        text += chunk.toString();
        done();
      },
    });
    const result = await writeDemo(sink, { asOf, learners: 50, seed: 2 });
    const expected = [...generateDemo({ asOf, learners: 50, seed: 2 })];
    expect(text).toBe(`${expected.join("\n")}\n`);
    expect(result.lines).toBe(expected.length);
    expect(result.bytes).toBe(Buffer.byteLength(text));
    expect(Object.values(result.counts).reduce((a, b) => a + b, 0)).toBe(expected.length);
    expect(result.counts.course).toBe(5);
  });
});
