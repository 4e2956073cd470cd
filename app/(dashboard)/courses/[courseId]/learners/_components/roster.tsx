"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useFormats } from "@/components/locale";
import { ScrollRegion } from "@/components/scroll-region";
import type { LearnerObject } from "@/db/queries/learners/learner-object";
import { fetchJson } from "@/lib/dashboard/fetch-json";
import { isFiltered, learnersApiUrl, rosterParamsOf } from "@/lib/dashboard/roster-state";
import { FilterChips } from "./filter-chips";
import { Pager } from "./pager";
import { RosterFilters } from "./roster-filters";
import { SearchBox } from "./search-box";
import type { RosterMeta } from "./roster-meta";
import { RosterTable, SkeletonRows } from "./roster-table";
import { useRosterUrl } from "./use-roster-url";
import "./roster.css";
import "../../_components/print.css";

export interface RosterPage {
  count: number;
  num_pages: number;
  results: LearnerObject[];
}

const COLUMNS = 7;

/**
 * The roster: filters, table and pager over the learner list API. The server renders the first
 * view with its data (`initial`, for `initialUrl`); afterwards each URL change fetches its page,
 * showing the previous one until it arrives.
 */
export function Roster({ courseId, meta, initial, initialUrl }: { courseId: string; meta: RosterMeta; initial: RosterPage | null; initialUrl: string }) {
  const formats = useFormats();
  const { params, state, update } = useRosterUrl();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const apiUrl = learnersApiUrl(courseId, params);
  const query = useQuery({
    queryKey: ["learners", apiUrl],
    queryFn: ({ signal }) => fetchJson<RosterPage>(apiUrl, signal),
    initialData: apiUrl === initialUrl && initial ? initial : undefined,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const onSearch = useCallback((text: string, opts: { replace: boolean }) => update({ textSearch: text }, opts), [update]);
  const data = query.data;
  const filtered = isFiltered(state);
  const backQuery = rosterParamsOf(params).toString();
  // The roster lists everyone who ever enrolled; the course list counts those enrolled now.
  const left = meta.segments.unenrolled;
  const whoText = meta.total > 0 ? ` (${formats.count(meta.total - left)} enrolled, ${formats.count(left)} left)` : "";

  return (
    <section aria-labelledby="roster-heading" className="roster">
      <h2 id="roster-heading" className="visually-hidden">
        Learners
      </h2>
      <div className="roster-toolbar">
        <SearchBox value={state.textSearch} onSearch={onSearch} />
        <button type="button" className="button filters-toggle" aria-expanded={filtersOpen} aria-controls="roster-filters" onClick={() => setFiltersOpen((o) => !o)}>
          Filters
        </button>
        {/* For people: named columns and rounded figures (the API's csv_columns=readable). */}
        <a className="button primary download" href={`${learnersApiUrl(courseId, params, { csv: true })}&csv_columns=readable`} download>
          Download CSV
        </a>
      </div>
      <RosterFilters id="roster-filters" open={filtersOpen} state={state} meta={meta} onChange={(c) => update(c)} />
      <FilterChips state={state} onChange={(c) => update(c)} />

      <div className="roster-status">
        <p id="roster-count" className="roster-count" aria-live="polite">
          {data ? `${formats.count(data.count)} ${data.count === 1 ? "learner" : "learners"}${filtered ? ` match of ${formats.count(meta.total)}` : whoText}` : " "}
          {query.isFetching && <span className="loading-note"> · Loading…</span>}
        </p>
        {state.window && <p className="muted roster-note">Figures cover the chosen window; colours compare with the last 7 days, so they are off.</p>}
      </div>

      {query.isError && !query.isFetching ? (
        <div className="card roster-message" role="alert">
          <p>
            <strong>The learners could not be loaded.</strong> {query.error.message}
          </p>
          <p className="roster-message-actions">
            <button type="button" className="button" onClick={() => void query.refetch()}>
              Retry
            </button>
            <button type="button" className="button" onClick={() => update({ textSearch: "", segments: [], ignoreSegments: [], cohort: "", mode: "", window: null })}>
              Clear the filters
            </button>
          </p>
        </div>
      ) : !data ? (
        <div className="table-scroll card flush">
          <SkeletonRows rows={Math.min(state.pageSize, 10)} columns={COLUMNS} />
        </div>
      ) : data.count === 0 ? (
        <div className="card roster-message">
          {filtered ? (
            <p>No learners match — try a different search or clear the filters.</p>
          ) : (
            <p>No learners yet. Learners appear here once they enroll, or once an LMS sends their activity.</p>
          )}
        </div>
      ) : (
        <>
          <ScrollRegion label="Learners table" className={query.isPlaceholderData ? "stale" : ""}>
            <RosterTable
              courseId={courseId}
              rows={data.results}
              count={data.count}
              state={state}
              ranges={meta.ranges}
              showBands={!state.window}
              backQuery={backQuery}
              busy={query.isFetching}
              onSort={(orderBy, sortOrder) => update({ orderBy, sortOrder })}
            />
          </ScrollRegion>
          <Pager page={state.page} pageSize={state.pageSize} count={data.count} onPage={(page) => update({ page })} onPageSize={(pageSize) => update({ pageSize })} />
        </>
      )}
    </section>
  );
}
