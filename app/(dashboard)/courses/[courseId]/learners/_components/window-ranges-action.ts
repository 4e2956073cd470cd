"use server";

import { getDb } from "@/db/client";
import { windowRanges } from "@/db/queries/learners/window-ranges";
import type { EngagementRanges } from "@/lib/analytics/ranges";
import { windowOf, windowQuery } from "@/lib/api/edx/query";
import { ApiError } from "@/lib/api/errors";
import { asOfDay } from "@/lib/env";
import { loadCourse } from "../../../../_lib/course";

/**
 * The ranges of a custom window, for the roster's colours when its window changes in the
 * browser (the first render gets them from the page). A server function rather than an API
 * route: docs/edx-api.md has no endpoint for them, and only this page needs them. Null for a window the
 * API would refuse (the roster shows the API's refusal) or a course the caller may not read.
 */
export async function windowRangesFor(courseId: string, start: string, end: string): Promise<EngagementRanges | null> {
  const load = await loadCourse(encodeURIComponent(courseId));
  if (!load.ok) return null;
  const q = windowQuery.safeParse({ start_date: start, end_date: end });
  if (!q.success) return null;
  try {
    const window = windowOf(q.data);
    // Awaited, so that what the read throws meets the catch below.
    return window ? await windowRanges(getDb(), load.course.id, window, asOfDay()) : null;
  } catch (err) {
    if (err instanceof ApiError) return null;
    throw err;
  }
}
