import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { activeUserById } from "./access";
import { courseStaff, courses } from "@/db/schema";
import { eachTestDb } from "@/lib/testing/db";
import { seedUser } from "@/lib/testing/factories";
import { addEvents, daysBefore, enrollLearners, fixAsOf } from "@/lib/testing/roster";
import { courseCards, readableCourses } from "./course-list";

const AS_OF = fixAsOf();
let db: Db;
let admin: string;
let teacher: string;

eachTestDb((d) => {
  db = d;
  const ids = enrollLearners(db, "course-v1:Org+ALG+2026", [
    { username: "ana" },
    { username: "bo" },
    { username: "cy", isActive: false },
  ]);
  db.insert(courses)
    .values([{ id: "course-v1:Org+BIO+2026", title: "Biology" }])
    .onConflictDoNothing()
    .run();
  db.$client.prepare(`UPDATE courses SET title = 'Algebra' WHERE id = 'course-v1:Org+ALG+2026'`).run();
  addEvents(db, [
    {
      userId: ids.get("ana")!,
      courseId: "course-v1:Org+ALG+2026",
      itemId: "v1",
      kind: "video_play",
      ts: daysBefore(AS_OF, 2),
    },
  ]);
  admin = seedUser(db, { username: "root", role: "admin" });
  teacher = seedUser(db, { username: "teach" });
  db.insert(courseStaff).values({ courseId: "course-v1:Org+BIO+2026", userId: teacher, role: "instructor" }).run();
});

describe("courseCards", () => {
  it("lists every course for an admin by title, with enrolled and active-last-week counts", async () => {
    const cards = await courseCards(db, (await activeUserById(db, admin))!, { asOf: AS_OF });
    expect(cards.map((c) => [c.title, c.enrolled, c.activeLastWeek])).toEqual([
      ["Algebra", 2, 1],
      ["Biology", 0, 0],
    ]);
    expect(cards[0]!.lastUpdated).toMatch(/^\d{4}-/);
  });
  it("lists only the courses an instructor teaches", async () => {
    const cards = await courseCards(db, (await activeUserById(db, teacher))!, { asOf: AS_OF });
    expect(cards.map((c) => c.id)).toEqual(["course-v1:Org+BIO+2026"]);
  });
  it("searches title or id, case-insensitively, with % and _ taken literally", async () => {
    const who = (await activeUserById(db, admin))!;
    expect((await courseCards(db, who, { asOf: AS_OF, search: "ALGE" })).map((c) => c.title)).toEqual(["Algebra"]);
    expect((await courseCards(db, who, { asOf: AS_OF, search: "org+bio" })).map((c) => c.title)).toEqual(["Biology"]);
    expect(await courseCards(db, who, { asOf: AS_OF, search: "%" })).toEqual([]);
  });
});

describe("readableCourses", () => {
  it("gives an admin every course and an instructor theirs, by title", async () => {
    expect(await readableCourses(db, (await activeUserById(db, admin))!)).toEqual([
      { id: "course-v1:Org+ALG+2026", title: "Algebra" },
      { id: "course-v1:Org+BIO+2026", title: "Biology" },
    ]);
    expect(await readableCourses(db, (await activeUserById(db, teacher))!)).toEqual([
      { id: "course-v1:Org+BIO+2026", title: "Biology" },
    ]);
  });
});
