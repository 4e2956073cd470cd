import type { Db } from "@/db/client";
import type { TestApp } from "./app";

/** Helpers for the HTTP tests of the iSpring family, against a `startTestApp()` app. */

export interface IspringResult {
  userId: string;
  courseId: string;
  courseTitle: string;
  enrollmentId: string;
  accessDate: string;
  dueDate?: string;
  expirationDate?: string;
  completionDate?: string;
  timeSpent: number;
  completionStatus: string;
  progress?: number;
  awardedScore?: number;
  passingScore?: number;
  isOverdue: 0 | 1;
  viewsCount: number;
}

export interface IspringPage {
  results: IspringResult[];
  nextPageToken?: string;
}

export const RESULTS = "/api/ispring/learners/results";

/** `GET /learners/results?<query>` as JSON with `Authorization: Bearer <credential>`. */
export async function getResults(
  app: TestApp,
  credential: string,
  query = "",
): Promise<{ status: number; body: IspringPage }> {
  const res = await fetch(`${app.url}${RESULTS}${query ? `?${query}` : ""}`, {
    headers: { authorization: `Bearer ${credential}`, accept: "application/json" },
  });
  return { status: res.status, body: (await res.json()) as IspringPage };
}

/** The results of a query that must succeed. */
export async function resultsOf(app: TestApp, credential: string, query = ""): Promise<IspringResult[]> {
  const { status, body } = await getResults(app, credential, query);
  if (status !== 200) throw new Error(`GET ${RESULTS}?${query}: ${status} ${JSON.stringify(body)}`);
  return body.results;
}

/** Every page of a query, following nextPageToken; `between` runs after each page but the last. */
export async function allPages(
  app: TestApp,
  credential: string,
  query: string,
  between?: (page: number) => void,
): Promise<IspringResult[][]> {
  const pages: IspringResult[][] = [];
  let token: string | undefined;
  for (let n = 0; n < 1000; n++) {
    const { status, body } = await getResults(
      app,
      credential,
      `${query}${token ? `&pageToken=${encodeURIComponent(token)}` : ""}`,
    );
    if (status !== 200) throw new Error(`page ${n}: ${status} ${JSON.stringify(body)}`);
    pages.push(body.results);
    token = body.nextPageToken;
    if (!token) return pages;
    between?.(n);
  }
  throw new Error("more than 1000 pages");
}

/** The id of a user's enrollment in a course. */
export function enrollmentOf(db: Db, userId: string, courseId: string): string {
  return db.$client
    .prepare(`SELECT id FROM enrollments WHERE user_id = ? AND course_id = ?`)
    .pluck()
    .get(userId, courseId) as string;
}

/** Sets enrollment columns directly (explicit status, dates, score), as an import would. */
export function setEnrollment(db: Db, id: string, fields: Record<string, string | number | null>): void {
  const columns = Object.keys(fields);
  db.$client
    .prepare(`UPDATE enrollments SET ${columns.map((c) => `${c} = @${c}`).join(", ")} WHERE id = @id`)
    .run({ ...fields, id });
}
