"use client";

import { useState, type FormEvent } from "react";
import { rangeProblem, sameRange, type DayRange, type Preset } from "./timeline-params";
import styles from "./timeline.module.css";

/**
 * The timeline's date range: one-click presets, or a custom from–to (inclusive days). The custom
 * dates start at what is shown, so they can be adjusted rather than typed from scratch.
 */
export function RangePicker({
  range,
  shown,
  presets,
  onChange,
}: {
  range: DayRange | null;
  /** The days on screen (for all activity, its first and last day), to prefill the custom dates. */
  shown: DayRange | null;
  presets: readonly Preset[];
  onChange: (range: DayRange | null) => void;
}) {
  return (
    <div className={`${styles.rangePicker} range-picker`}>
      <div role="group" aria-label="Date range" className={styles.rangePresets}>
        {presets.map((p) => (
          <button
            key={p.label}
            type="button"
            className="button"
            aria-pressed={sameRange(p.range, range)}
            onClick={() => onChange(p.range)}
          >
            {p.label}
          </button>
        ))}
      </div>
      {/* Keyed by what is shown, so the fields follow a preset or the browser's back button. */}
      <CustomRange key={`${shown?.from}|${shown?.to}`} shown={shown} onApply={onChange} />
    </div>
  );
}

function CustomRange({ shown, onApply }: { shown: DayRange | null; onApply: (range: DayRange) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const from = String(data.get("from") ?? "");
    const to = String(data.get("to") ?? "");
    const why = rangeProblem(from, to);
    setProblem(why);
    if (!why) onApply({ from, to });
  }
  return (
    <form className={styles.rangeCustom} onSubmit={apply} noValidate aria-label="Custom date range">
      <label className={styles.rangeField}>
        <span>From</span>
        <input
          type="date"
          name="from"
          defaultValue={shown?.from ?? ""}
          aria-describedby={problem ? "range-problem" : undefined}
        />
      </label>
      <label className={styles.rangeField}>
        <span>To</span>
        <input
          type="date"
          name="to"
          defaultValue={shown?.to ?? ""}
          aria-describedby={problem ? "range-problem" : undefined}
        />
      </label>
      <button type="submit" className="button">
        Apply
      </button>
      {problem && (
        <p id="range-problem" className={`form-error ${styles.rangeProblem} range-problem`} role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
