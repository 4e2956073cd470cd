import { ApiError } from "@/lib/api/errors";
import { windowOf, windowQuery } from "@/lib/api/edx/query";
import { defaultWindow, type DayWindow } from "@/lib/time";

export interface FigureWindow {
  window: DayWindow;
  /** Chosen by the URL's start_date/end_date rather than the default window. */
  custom: boolean;
  /** Why the URL's window was set aside, when it was. */
  problem: string | null;
}

/**
 * The window of the page's engagement figures: the URL's `start_date`/`end_date`, read exactly as
 * the API reads them (so a roster link with a custom window shows the same window here), else the
 * default window. A window the API would refuse is set aside with the reason rather than failing the page.
 */
export function figureWindow(params: URLSearchParams, asOf: string): FigureWindow {
  const fallback = (problem: string | null): FigureWindow => ({ window: defaultWindow(asOf), custom: false, problem });
  const parsed = windowQuery.safeParse({
    start_date: params.get("start_date") ?? undefined,
    end_date: params.get("end_date") ?? undefined,
  });
  if (!parsed.success) return fallback("start_date and end_date must be real dates, YYYY-MM-DD.");
  try {
    const window = windowOf(parsed.data);
    return window ? { window, custom: true, problem: null } : fallback(null);
  } catch (err) {
    if (err instanceof ApiError) return fallback(err.message);
    throw err;
  }
}
