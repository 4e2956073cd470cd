"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useFormats } from "@/components/locale";
import { ScrollRegion } from "@/components/scroll-region";
import type { LearnerObject } from "@/db/queries/learners/learner-object";
import { ApiFetchError, fetchJson } from "@/lib/dashboard/fetch-json";
import { windowText } from "@/lib/dashboard/range-text";
import { rosterErrorText } from "@/lib/dashboard/roster-errors";
import { isFiltered, learnersApiUrl, rosterParamsOf, writeRoster } from "@/lib/dashboard/roster-state";
import { FilterChips } from "./filter-chips";
import { Pager } from "@/components/pager";
import { RosterFilters } from "./roster-filters";
import { SearchBox } from "./search-box";
import type { RosterMeta } from "./roster-meta";
import { RosterTable, SkeletonRows } from "./roster-table";
import { useRosterUrl } from "./use-roster-url";
import { windowRangesFor } from "./window-ranges-action";
import "../../_components/print.css";
import list from "@/components/learner-list.module.css";
import styles from "./roster.module.css";

export interface RosterPage {
  count: number;
  num_pages: number;
  results: LearnerObject[];
}

/** The URL asked for a page past the last; the server rendered the last one instead. */
export interface PastLast {
  asked: number;
  last: number;
}

/** A page as shown: the API's answer, and which page it is (the URL may already ask for another). */
type ShownPage = RosterPage & { page: number };

const COLUMNS = 7;

/**
 * The roster: filters, table and pager over the learner list API. The server renders the first
 * view with its data (`initial`, for `initialUrl`); afterwards each URL change fetches its page,
 * showing the previous one, labelled as what it is, until it arrives.
 */
export function Roster({
  courseId,
  meta,
  initial,
  initialUrl,
  pastLast,
}: {
  courseId: string;
  meta: RosterMeta;
  initial: RosterPage | null;
  initialUrl: string;
  pastLast: PastLast | null;
}) {
  const formats = useFormats();
  const { params, state, update } = useRosterUrl();
  const [filtersOpen, setFiltersOpen] = useState(false);
  // A page past the last reads as the last page, and the URL is corrected in place.
  const clamped = pastLast !== null && state.page === pastLast.asked;
  const page = clamped ? pastLast.last : state.page;
  const apiUrl = useMemo(
    () => learnersApiUrl(courseId, clamped ? writeRoster(params, { page }) : params),
    [courseId, clamped, params, page],
  );
  useEffect(() => {
    if (clamped) update({ page }, { replace: true });
  }, [clamped, page, update]);
  const query = useQuery({
    queryKey: ["learners", apiUrl],
    queryFn: async ({ signal }): Promise<ShownPage> => ({ ...(await fetchJson<RosterPage>(apiUrl, signal)), page }),
    initialData: apiUrl === initialUrl && initial ? { ...initial, page } : undefined,
    placeholderData: keepPreviousData,
    // Offline too: a fetch that cannot be made fails and says so, rather than waiting unseen.
    networkMode: "always",
    retry: false,
  });
  // A custom window's figures are coloured against that window's own ranges; until they arrive, not at all.
  const win = state.window;
  const rangesQuery = useQuery({
    queryKey: ["window-ranges", courseId, win?.start, win?.end],
    queryFn: () => windowRangesFor(courseId, win!.start, win!.end),
    enabled: win !== null,
    initialData:
      win && meta.windowRanges?.start === win.start && meta.windowRanges.end === win.end
        ? meta.windowRanges.ranges
        : undefined,
    staleTime: 60_000,
    networkMode: "always",
    retry: false,
  });
  const ranges = win ? (rangesQuery.data ?? null) : meta.ranges;
  const onSearch = useCallback(
    (text: string, opts: { replace: boolean }) => update({ textSearch: text }, opts),
    [update],
  );
  const data = query.data;
  const filtered = isFiltered(state);
  const backQuery = rosterParamsOf(params).toString();
  // The roster lists everyone who ever enrolled; the course list counts those enrolled now.
  const left = meta.segments.unenrolled;
  const whoText = meta.total > 0 ? ` (${formats.count(meta.total - left)} enrolled, ${formats.count(left)} left)` : "";

  // After a page change, the new page is read from its top: focus and view move to the table.
  const paged = useRef(false);
  const shown = query.isPlaceholderData ? null : data?.page;
  useEffect(() => {
    if (!paged.current || shown !== page) return;
    paged.current = false;
    const caption = document.getElementById("roster-caption");
    caption?.focus({ preventScroll: true });
    caption?.closest("table")?.scrollIntoView({ block: "start" });
  }, [shown, page]);
  const onPage = (n: number) => {
    paged.current = true;
    update({ page: n });
  };

  return (
    <section aria-labelledby="roster-heading" className={styles.roster}>
      <h2 id="roster-heading" className="visually-hidden">
        Learners
      </h2>
      <div className={`${styles.rosterToolbar} roster-toolbar`}>
        <SearchBox value={state.textSearch} onSearch={onSearch} />
        <button
          type="button"
          className={`button ${styles.filtersToggle}`}
          aria-expanded={filtersOpen}
          aria-controls="roster-filters"
          onClick={() => setFiltersOpen((o) => !o)}
        >
          Filters
        </button>
        {/* For people: named columns and rounded figures (the API's csv_columns=readable). */}
        <a
          className={`button primary ${styles.download}`}
          href={`${learnersApiUrl(courseId, params, { csv: true })}&csv_columns=readable`}
          download
        >
          Download CSV
        </a>
      </div>
      <RosterFilters id="roster-filters" open={filtersOpen} state={state} meta={meta} onChange={(c) => update(c)} />
      <FilterChips state={state} onChange={(c) => update(c)} />

      <div className={styles.rosterStatus}>
        <p id="roster-count" className={styles.rosterCount} aria-live="polite">
          {data
            ? `${formats.count(data.count)} ${data.count === 1 ? "learner" : "learners"}${filtered ? ` match of ${formats.count(meta.total)}` : whoText}`
            : " "}
          {query.isFetching && <span className={`${list.loadingNote} loading-note`}> · Loading…</span>}
        </p>
        {win && (
          <p className={`muted ${styles.rosterNote} roster-note`}>
            Colours compare each figure with this window’s ranges ({windowText(win, formats)}). Segments describe the
            last 7 days.
          </p>
        )}
      </div>

      {clamped || (pastLast && state.page === pastLast.last) ? (
        <p className={`muted ${styles.rosterNote} roster-note roster-note-page`} role="status">
          There is no page {formats.count(pastLast!.asked)}: this is the last page, {formats.count(pastLast!.last)}.
        </p>
      ) : null}

      {query.isError && !query.isFetching ? (
        <div className={`card ${list.message} roster-message`} role="alert">
          <p>
            <strong>
              {page > 1 ? `Page ${formats.count(page)} could not be loaded.` : "The learners could not be loaded."}
            </strong>{" "}
            {rosterErrorText(query.error.message)}
          </p>
          <p className={list.messageActions}>
            <button type="button" className="button" onClick={() => void query.refetch()}>
              Retry
            </button>
            {/* Only a URL the API refused is the filters' fault; a dropped connection is not. */}
            {query.error instanceof ApiFetchError && query.error.status >= 400 && query.error.status < 500 && (
              <button
                type="button"
                className="button"
                onClick={() =>
                  update({ textSearch: "", segments: [], ignoreSegments: [], cohort: "", mode: "", window: null })
                }
              >
                Clear the filters
              </button>
            )}
          </p>
        </div>
      ) : !data ? (
        <div className="table-scroll card flush">
          <SkeletonRows rows={Math.min(state.pageSize, 10)} columns={COLUMNS} />
        </div>
      ) : data.count === 0 ? (
        <div className={`card ${list.message} roster-message`}>
          {filtered ? (
            <p>No learners match — try a different search or clear the filters.</p>
          ) : (
            <p>No learners yet. Learners appear here once they enroll, or once an LMS sends their activity.</p>
          )}
        </div>
      ) : (
        <>
          <ScrollRegion label="Learners table" stale={query.isPlaceholderData}>
            <RosterTable
              courseId={courseId}
              rows={data.results}
              count={data.count}
              state={state}
              ranges={ranges ?? meta.ranges}
              showBands={ranges !== null}
              windowed={win !== null}
              backQuery={backQuery}
              busy={query.isFetching}
              caption={`Learners ${formats.count((data.page - 1) * state.pageSize + 1)} to ${formats.count(Math.min(data.count, data.page * state.pageSize))} of ${formats.count(data.count)}`}
              onSort={(orderBy, sortOrder) => update({ orderBy, sortOrder })}
            />
          </ScrollRegion>
          <Pager
            page={data.page}
            pageSize={state.pageSize}
            count={data.count}
            onPage={onPage}
            onPageSize={(pageSize) => update({ pageSize })}
          />
        </>
      )}
    </section>
  );
}
