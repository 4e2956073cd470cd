import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { activeUserById } from "@/db/queries/access";
import type { Caller } from "@/lib/auth/caller";
import { courseStaff, departments, managedDepartments } from "@/db/schema";
import { eachTestDb } from "@/lib/testing/db";
import { seedCourse, seedUser } from "@/lib/testing/factories";
import { courseAccess, departmentScope, registrationAccess } from "./access";

let db: Db;
const who: Record<string, Caller> = {};
let reg = "";
const COURSE = "course-v1:Org+A1+2026";

eachTestDb(async (d) => {
  db = d;
  const { userIds } = seedCourse(db, { courseId: COURSE, learners: 1 });
  seedCourse(db, { courseId: "course-v1:Org+B2+2026", learners: 0 });
  reg = (db.$client.prepare(`SELECT id FROM enrollments WHERE user_id = ?`).get(userIds[0]) as { id: string }).id;
  db.insert(departments)
    .values([
      { id: "uni", name: "Uni" },
      { id: "sci", name: "Science", parentId: "uni" },
      { id: "cs", name: "CS", parentId: "sci" },
      { id: "art", name: "Art", parentId: "uni" },
    ])
    .run();
  const ids = {
    admin: seedUser(db, { username: "root", role: "admin" }),
    teacher: seedUser(db, { username: "teach" }),
    other: seedUser(db, { username: "elsewhere" }),
    deptAdmin: seedUser(db, { username: "dean", role: "department_admin" }),
    stranger: seedUser(db, { username: "stranger" }),
  };
  db.insert(courseStaff)
    .values([
      { courseId: COURSE, userId: ids.teacher, role: "instructor" },
      { courseId: "course-v1:Org+B2+2026", userId: ids.other, role: "staff" },
    ])
    .run();
  db.insert(managedDepartments).values({ userId: ids.deptAdmin, departmentId: "sci" }).run();
  for (const [k, id] of Object.entries(ids)) who[k] = (await activeUserById(db, id))!;
  who.learner = (await activeUserById(db, userIds[0]!))!;
});

describe("courseAccess", () => {
  it("admin and the course's staff read it; others are forbidden, without learning whether it exists", async () => {
    expect(await courseAccess(db, who.admin!, COURSE)).toBe("ok");
    expect(await courseAccess(db, who.teacher!, COURSE)).toBe("ok");
    expect(await courseAccess(db, who.other!, COURSE)).toBe("forbidden");
    expect(await courseAccess(db, who.learner!, COURSE)).toBe("forbidden");
    expect(await courseAccess(db, who.deptAdmin!, COURSE)).toBe("forbidden");
    expect(await courseAccess(db, who.teacher!, "no-such-course")).toBe("forbidden");
    expect(await courseAccess(db, who.admin!, "no-such-course")).toBe("not_found");
  });
});

describe("registrationAccess", () => {
  it("the learner themself, the course's staff and admins; 404 only for admins", async () => {
    expect(await registrationAccess(db, who.learner!, reg)).toBe("ok");
    expect(await registrationAccess(db, who.learner!, reg.toUpperCase())).toBe("ok");
    expect(await registrationAccess(db, who.teacher!, reg)).toBe("ok");
    expect(await registrationAccess(db, who.admin!, reg)).toBe("ok");
    expect(await registrationAccess(db, who.other!, reg)).toBe("forbidden");
    expect(await registrationAccess(db, who.stranger!, randomUUID())).toBe("forbidden");
    expect(await registrationAccess(db, who.admin!, randomUUID())).toBe("not_found");
  });
});

describe("departmentScope", () => {
  it("admins see all, department admins their subtrees, others nothing", async () => {
    expect(await departmentScope(db, who.admin!)).toBe("all");
    expect(await departmentScope(db, who.deptAdmin!)).toEqual(["cs", "sci"]);
    expect(await departmentScope(db, who.teacher!)).toBeNull();
  });
});

it("a blocked user is nobody", async () => {
  db.$client.prepare(`UPDATE users SET status = 'blocked' WHERE username = 'teach'`).run();
  expect(await activeUserById(db, who.teacher!.userId)).toBeNull();
});
