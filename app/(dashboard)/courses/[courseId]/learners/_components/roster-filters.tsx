"use client";

import { useId } from "react";
import { useFormats } from "@/components/locale";
import type { RosterChange, RosterState } from "@/lib/dashboard/roster-state";
import type { RosterMeta } from "./roster-meta";
import { SegmentFilter } from "./segment-filter";
import { WindowPicker } from "./window-picker";
import list from "@/components/learner-list.module.css";
import styles from "./roster.module.css";

/** A select of a course's groups (cohorts or tracks) with their learner counts. */
function GroupSelect({
  label,
  all,
  value,
  counts,
  onChange,
}: {
  label: string;
  all: string;
  value: string;
  counts: Record<string, number>;
  onChange: (v: string) => void;
}) {
  const formats = useFormats();
  const id = useId();
  const names = Object.keys(counts);
  // A value the course does not have (a pasted link) stays selectable, so the select shows the URL.
  if (value && !names.includes(value)) names.push(value);
  return (
    <div className={list.field}>
      <label htmlFor={id} className={list.label}>
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {names.map((n) => (
          <option key={n} value={n}>
            {n} ({formats.count(counts[n] ?? 0)})
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The roster's filters: segments (include or hide), "Hide inactive" in one click, cohort, track
 * and window. On a narrow screen they fold behind the toolbar's Filters button.
 */
export function RosterFilters({
  id,
  open,
  state,
  meta,
  onChange,
}: {
  id: string;
  open: boolean;
  state: RosterState;
  meta: RosterMeta;
  onChange: (c: RosterChange) => void;
}) {
  const hidingInactive = state.ignoreSegments.includes("inactive");
  return (
    <div
      id={id}
      className={
        open ? `${styles.rosterFilters} roster-filters ${styles.open}` : `${styles.rosterFilters} roster-filters`
      }
    >
      <SegmentFilter
        segments={state.segments}
        ignoreSegments={state.ignoreSegments}
        counts={meta.segments}
        onChange={onChange}
      />
      <button
        type="button"
        className={`button ${styles.toggle}`}
        aria-pressed={hidingInactive}
        onClick={() =>
          onChange(
            hidingInactive
              ? { ignoreSegments: state.ignoreSegments.filter((s) => s !== "inactive") }
              : { segments: [], ignoreSegments: [...state.ignoreSegments, "inactive"] },
          )
        }
      >
        Hide inactive
      </button>
      {Object.keys(meta.cohorts).length > 0 && (
        <GroupSelect
          label="Cohort"
          all="All cohorts"
          value={state.cohort}
          counts={meta.cohorts}
          onChange={(cohort) => onChange({ cohort })}
        />
      )}
      {Object.keys(meta.modes).length > 0 && (
        <GroupSelect
          label="Track"
          all="All tracks"
          value={state.mode}
          counts={meta.modes}
          onChange={(mode) => onChange({ mode })}
        />
      )}
      <WindowPicker window={state.window} asOf={meta.asOf} onChange={(window) => onChange({ window })} />
    </div>
  );
}
