import { ApiError } from "../errors";
import { publicOrigin } from "../origin";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./query";

export interface Page {
  page: number;
  pageSize: number;
}

/** page ≥ 1 (default 1); page_size 1–100 (default 25, above 100 clamped). */
export function pageOf(q: { page?: number; page_size?: number }): Page {
  return { page: q.page ?? 1, pageSize: Math.min(q.page_size ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) };
}

/** The number of pages (at least 1); a page past the last is the 404 `page_not_found`, for JSON and CSV alike. */
export function requirePage({ page, pageSize }: Page, count: number): number {
  const numPages = Math.max(1, Math.ceil(count / pageSize));
  if (page > numPages) throw new ApiError(404, "page_not_found", `Page ${page} is past the last page (${numPages}).`);
  return numPages;
}

/**
 * The paged body `{count, num_pages, next, previous, results}` and its `Link` header. `next` and
 * `previous` are absolute URLs keeping every other parameter. A page past the last is the 404
 * `page_not_found`; page 1 of nothing is an empty 200.
 */
export function pagedBody<T>(req: Request, { page, pageSize }: Page, count: number, results: T[]) {
  const numPages = requirePage({ page, pageSize }, count);
  const link = (p: number) => {
    const url = new URL(req.url);
    const abs = new URL(url.pathname + url.search, publicOrigin(req));
    abs.searchParams.set("page", String(p));
    return abs.toString();
  };
  const next = page < numPages ? link(page + 1) : null;
  const previous = page > 1 ? link(page - 1) : null;
  const links = [next && `<${next}>; rel="next"`, previous && `<${previous}>; rel="prev"`].filter(Boolean);
  return {
    body: { count, num_pages: numPages, next, previous, results },
    headers: links.length ? { Link: links.join(", ") } : ({} as Record<string, string>),
  };
}
