import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { eachTestDb } from "@/lib/testing/db";
import { addEvents, daysBefore, enrollLearners, fixAsOf } from "@/lib/testing/roster";
import { addDays } from "@/lib/time";
import { ensureCourseFresh } from "./derived";

const AS_OF = fixAsOf();
const COURSE = "course-v1:Org+SUM+2026";

let db: Db;
let ids: Map<string, string>;
eachTestDb((d) => {
  db = d;
  ids = enrollLearners(db, COURSE, [{ username: "busy" }, { username: "quiet" }, { username: "leaving" }]);
  addEvents(db, [
    { userId: ids.get("busy")!, courseId: COURSE, itemId: "v1", kind: "video_play", ts: daysBefore(AS_OF, 1) },
  ]);
  ensureCourseFresh(db, COURSE, AS_OF);
});

type Summary = {
  rowid: number;
  username: string;
  name: string;
  cohort: string | null;
  videos_viewed: number;
  days_active: number;
  segments: number | null;
};
const rows = () =>
  new Map(
    (
      db.$client
        .prepare(`SELECT rowid, username, name, cohort, videos_viewed, days_active, segments FROM learner_summary`)
        .all() as Summary[]
    ).map((r) => [r.username, r]),
  );

describe("summary rows", () => {
  it("are rewritten on a new as-of day only where a value changed", () => {
    const before = rows();
    ensureCourseFresh(db, COURSE, addDays(AS_OF, 1));
    const after = rows();
    // Rows stay in place (an UPDATE, not a DELETE and INSERT, which would give a new rowid).
    expect(after.get("quiet")).toEqual(before.get("quiet"));
    expect(after.get("busy")!.rowid).toBe(before.get("busy")!.rowid);
    expect(after.get("busy")).toMatchObject({ videos_viewed: 1, days_active: 1 });
    ensureCourseFresh(db, COURSE, addDays(AS_OF, 9));
    expect(rows().get("busy")).toMatchObject({ videos_viewed: 0, days_active: 0, segments: 4 /* disengaging */ });
  });

  it("follow changes to the user and the enrollment, and go with the enrollment", () => {
    db.$client.transaction(() => {
      db.$client.prepare(`UPDATE users SET name = 'Quiet Q' WHERE id = ?`).run(ids.get("quiet"));
      db.$client.prepare(`UPDATE enrollments SET cohort = 'Late' WHERE user_id = ?`).run(ids.get("quiet"));
      db.$client.prepare(`DELETE FROM enrollments WHERE user_id = ?`).run(ids.get("leaving"));
    })();
    // The doors touch the learners they change; here the course is refreshed as a whole.
    ensureCourseFresh(db, COURSE, addDays(AS_OF, 1));
    const after = rows();
    expect(after.get("quiet")).toMatchObject({ name: "Quiet Q", cohort: "Late" });
    expect(after.has("leaving")).toBe(false);
  });
});
