"use client";

import { useId, useState } from "react";
import { addDays, daysBetween } from "@/lib/time";
import list from "@/components/learner-list.module.css";
import styles from "./roster.module.css";

/** Longest window the API takes (docs/edx-api.md). */
const MAX_DAYS = 366;
const PRESETS = [7, 14, 30, 90] as const;

export type Window = { start: string; end: string } | null;

/** The preset a window is (its length in days ending the day before the as-of day), or "custom". */
function presetOf(window: Window, asOf: string): string {
  if (!window) return "7";
  const days = daysBetween(window.start, window.end);
  return window.end === asOf && (PRESETS as readonly number[]).includes(days) && days !== 7 ? String(days) : "custom";
}

/**
 * The engagement window: the last 7 days (the default, which the course's ranges and segments
 * describe), a longer preset, or a custom range of days. People pick the last day inclusive;
 * the API's `end_date` is exclusive, so it is the day after.
 */
export function WindowPicker({
  window,
  asOf,
  onChange,
}: {
  window: Window;
  asOf: string;
  onChange: (w: Window) => void;
}) {
  const id = useId();
  const preset = presetOf(window, asOf);
  const [choice, setChoice] = useState(preset);
  const [from, setFrom] = useState(window?.start ?? addDays(asOf, -7));
  const [to, setTo] = useState(window ? addDays(window.end, -1) : addDays(asOf, -1));
  // The picker follows the URL's window when it changes (back, "Clear all"), during render.
  const shown = `${preset}|${window?.start ?? ""}|${window?.end ?? ""}`;
  const [seen, setSeen] = useState(shown);
  if (shown !== seen) {
    setSeen(shown);
    setChoice(preset);
    if (window) {
      setFrom(window.start);
      setTo(addDays(window.end, -1));
    }
  }

  const span = from && to ? daysBetween(from, to) + 1 : 0;
  const problem =
    !from || !to
      ? "Pick both days."
      : span < 1
        ? "The last day is before the first."
        : span > MAX_DAYS
          ? `At most ${MAX_DAYS} days.`
          : null;

  return (
    <div className={styles.windowPicker}>
      <div className={list.field}>
        <label htmlFor={`${id}-choice`} className={list.label}>
          Window
        </label>
        <select
          id={`${id}-choice`}
          value={choice}
          onChange={(e) => {
            const v = e.target.value;
            setChoice(v);
            if (v === "7") onChange(null);
            else if (v !== "custom") onChange({ start: addDays(asOf, -Number(v)), end: asOf });
          }}
        >
          {PRESETS.map((n) => (
            <option key={n} value={String(n)}>
              Last {n} days
            </option>
          ))}
          <option value="custom">Custom range…</option>
        </select>
      </div>
      {choice === "custom" && (
        <form
          className={styles.windowCustom}
          onSubmit={(e) => {
            e.preventDefault();
            if (!problem) onChange({ start: from, end: addDays(to, 1) });
          }}
        >
          <div className={list.field}>
            <label htmlFor={`${id}-from`} className={list.label}>
              From
            </label>
            <input
              id={`${id}-from`}
              type="date"
              value={from}
              max={addDays(asOf, -1)}
              onChange={(e) => setFrom(e.target.value)}
            />
          </div>
          <div className={list.field}>
            <label htmlFor={`${id}-to`} className={list.label}>
              To (inclusive)
            </label>
            <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
          <button
            type="submit"
            className="button"
            disabled={Boolean(problem)}
            aria-describedby={problem ? "window-problem" : undefined}
          >
            Apply
          </button>
          {problem && (
            <span id="window-problem" className={styles.fieldProblem} role="status">
              {problem}
            </span>
          )}
        </form>
      )}
    </div>
  );
}
