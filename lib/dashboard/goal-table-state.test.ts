import { describe, expect, it } from "vitest";
import { DEFAULT_GOAL_TABLE, readGoalTable, writeGoalTable } from "./goal-table-state";

const q = (s: string) => new URLSearchParams(s);

describe("the goal table's URL state", () => {
  it("reads the choices, and anything else as the default", () => {
    expect(readGoalTable(q(""))).toEqual(DEFAULT_GOAL_TABLE);
    expect(readGoalTable(q("status=struggling&order_by=progress&sort_order=desc&page=3&page_size=50"))).toEqual({
      status: "struggling",
      orderBy: "progress",
      sortOrder: "desc",
      page: 3,
      pageSize: 50,
    });
    expect(readGoalTable(q("status=lost&order_by=email&sort_order=up&page=0&page_size=x"))).toEqual(DEFAULT_GOAL_TABLE);
    expect(readGoalTable(q("page_size=5000")).pageSize).toBe(100);
  });

  it("writes only what differs from the defaults, and goes back to page 1 on any change but the page", () => {
    expect(writeGoalTable(q("page=4"), { orderBy: "name" }).toString()).toBe("");
    expect(
      writeGoalTable(q("page=4&status=no_work"), { orderBy: "work_remaining", sortOrder: "desc" }).toString(),
    ).toBe("status=no_work&order_by=work_remaining&sort_order=desc");
    expect(writeGoalTable(q("status=complete"), { page: 2 }).toString()).toBe("status=complete&page=2");
    expect(writeGoalTable(q("status=complete&other=1"), { status: null }).toString()).toBe("");
  });
});
