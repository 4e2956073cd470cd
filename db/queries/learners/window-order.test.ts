import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { createTestDb } from "@/lib/testing/db";
import { addEvents, daysBefore, enrollLearners, fixAsOf } from "@/lib/testing/roster";
import { listLearners, type LearnerQuery } from "../learners";
import { keptWindowOrders } from "./window-order";

const AS_OF = fixAsOf();
const COURSE = "course-v1:Org+W101+2026_T1";
const WINDOW = { start: "2026-03-01", end: "2026-03-15" };

let t: ReturnType<typeof createTestDb>;
let db: Db;
beforeEach(() => {
  t = createTestDb();
  db = t.db;
});
afterEach(() => t.close());

/** 12 learners, learner i having played i videos inside the window (and some outside it). */
function roster(): Map<string, string> {
  const ids = enrollLearners(
    db,
    COURSE,
    Array.from({ length: 12 }, (_, i) => ({ username: `u${String(i).padStart(2, "0")}` })),
  );
  const events = [...ids.values()].flatMap((userId, i) => [
    ...Array.from({ length: i }, (_, k) => ({
      userId,
      courseId: COURSE,
      itemId: `v${k}`,
      kind: "video_play" as const,
      ts: daysBefore(AS_OF, 10),
    })),
    { userId, courseId: COURSE, itemId: "late", kind: "video_play" as const, ts: daysBefore(AS_OF, 1) },
  ]);
  addEvents(db, events);
  return ids;
}

const byVideos = (page: number, pageSize = 5): LearnerQuery => ({
  asOf: AS_OF,
  page,
  pageSize,
  window: WINDOW,
  orderBy: "videos_viewed",
  sortOrder: "desc",
});
const names = async (q: LearnerQuery, on: Db = db) =>
  (await listLearners(on, COURSE, q)).results.map((l) => [l.username, l.engagements.videos_viewed]);

describe("a roster sorted on a custom window's figures, page after page", () => {
  it("reads the order once and pages through it: every learner once, with the window's figures", async () => {
    roster();
    const pages = [await names(byVideos(1)), await names(byVideos(2)), await names(byVideos(3))];
    expect(keptWindowOrders(db.$client)).toBe(1);
    expect(pages.flat()).toEqual(Array.from({ length: 12 }, (_, k) => [`u${String(11 - k).padStart(2, "0")}`, 11 - k]));
    // Another sort, or another window, is another order.
    await names({ ...byVideos(1), sortOrder: "asc" });
    await names({ ...byVideos(1), window: { start: "2026-03-02", end: "2026-03-15" } });
    expect(keptWindowOrders(db.$client)).toBe(3);
  });

  it("reads it again after a write on this connection, which may change it", async () => {
    const ids = roster();
    expect((await names(byVideos(1)))[0]).toEqual(["u11", 11]);
    addEvents(
      db,
      Array.from({ length: 20 }, (_, k) => ({
        userId: ids.get("u00")!,
        courseId: COURSE,
        itemId: `w${k}`,
        kind: "video_play" as const,
        ts: daysBefore(AS_OF, 9),
      })),
    );
    expect((await names(byVideos(1)))[0]).toEqual(["u00", 20]);
    // The orders from before the write are dropped, not kept beside the new one.
    expect(keptWindowOrders(db.$client)).toBe(1);
  });

  it("reads it again after another connection commits (an import runs on its own)", async () => {
    const ids = roster();
    expect((await names(byVideos(1)))[0]).toEqual(["u11", 11]);
    const other = openDb(t.file);
    try {
      addEvents(
        other,
        Array.from({ length: 15 }, (_, k) => ({
          userId: ids.get("u03")!,
          courseId: COURSE,
          itemId: `x${k}`,
          kind: "video_play" as const,
          ts: daysBefore(AS_OF, 9),
        })),
      );
      // The other connection also brings the summaries up to date, so this one has nothing to write.
      expect((await names(byVideos(1), other))[0]).toEqual(["u03", 18]);
    } finally {
      other.$client.close();
    }
    expect((await names(byVideos(1)))[0]).toEqual(["u03", 18]);
  });

  it("keeps a bounded number of orders, the least recently used dropped first", async () => {
    roster();
    for (let d = 1; d <= 10; d++)
      await names({ ...byVideos(1), window: { start: `2026-03-${String(d).padStart(2, "0")}`, end: "2026-03-15" } });
    expect(keptWindowOrders(db.$client)).toBe(8);
  });
});
