"use client";

import { useEffect, useRef, useState } from "react";
import { useFormats } from "@/components/locale";
import { badgeClass } from "@/components/segment-badges";
import { SEGMENTS, type Segment } from "@/lib/analytics/segments";
import { SEGMENT_LABELS } from "@/lib/dashboard/labels";
import list from "@/components/learner-list.module.css";
import styles from "./roster.module.css";

type Mode = "include" | "exclude";

/**
 * The segment filter: show only learners in some segments, or hide learners in some (the API's
 * `segments` and `ignore_segments`, which cannot be combined), with each segment's count.
 */
export function SegmentFilter({
  segments,
  ignoreSegments,
  counts,
  onChange,
}: {
  segments: Segment[];
  ignoreSegments: Segment[];
  counts: Record<Segment, number>;
  onChange: (change: { segments: Segment[]; ignoreSegments: Segment[] }) => void;
}) {
  const formats = useFormats();
  const urlMode: Mode | null = segments.length ? "include" : ignoreSegments.length ? "exclude" : null;
  const [mode, setMode] = useState<Mode>(urlMode ?? "include");
  const [seenUrlMode, setSeenUrlMode] = useState(urlMode);
  if (urlMode !== seenUrlMode) {
    setSeenUrlMode(urlMode);
    if (urlMode) setMode(urlMode);
  }
  const menu = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  // A menu, not a disclosure: it floats over the table, so it closes on Escape (focus back on its
  // button) and on a press anywhere outside it, as a select would.
  useEffect(() => {
    const details = menu.current;
    if (!open || !details) return;
    const close = (refocus: boolean) => {
      details.open = false;
      if (refocus) details.querySelector("summary")?.focus();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close(true);
    };
    const onPointer = (e: PointerEvent) => {
      if (!details.contains(e.target as Node)) close(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);
  const chosen = mode === "include" ? segments : ignoreSegments;
  const apply = (m: Mode, list: Segment[]) =>
    onChange(m === "include" ? { segments: list, ignoreSegments: [] } : { segments: [], ignoreSegments: list });
  const which = chosen.length === 1 ? SEGMENT_LABELS[chosen[0]!].label : `${chosen.length} segments`;
  const summary = chosen.length ? `${mode === "include" ? "Only" : "Hiding"} ${which.toLowerCase()}` : "All";

  return (
    <details className={`${styles.filterMenu} filter-menu`} ref={menu} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={list.field}>
        <span className={list.label}>Segments</span>
        <span className={styles.filterMenuValue}>{summary}</span>
      </summary>
      <div className={styles.filterMenuPanel}>
        <fieldset>
          <legend className="visually-hidden">How segments filter</legend>
          {(["include", "exclude"] as const).map((m) => (
            <label key={m} className={styles.radio}>
              <input
                type="radio"
                name="segment-mode"
                checked={mode === m}
                onChange={() => {
                  setMode(m);
                  if (chosen.length) apply(m, chosen);
                }}
              />
              {m === "include" ? "Show only learners in" : "Hide learners in"}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend className="visually-hidden">Segments</legend>
          {SEGMENTS.map((s) => (
            <label key={s} className={styles.check} title={SEGMENT_LABELS[s].description}>
              <input
                type="checkbox"
                checked={chosen.includes(s)}
                onChange={(e) =>
                  apply(
                    mode,
                    e.target.checked
                      ? SEGMENTS.filter((x) => x === s || chosen.includes(x))
                      : chosen.filter((x) => x !== s),
                  )
                }
              />
              <span className={badgeClass(s)}>{SEGMENT_LABELS[s].label}</span>
              <span className={styles.checkCount}>{formats.count(counts[s])}</span>
            </label>
          ))}
        </fieldset>
      </div>
    </details>
  );
}
