"use client";

import { useFormats } from "@/components/locale";
import { SEGMENT_LABELS } from "@/lib/dashboard/labels";
import type { RosterChange, RosterState } from "@/lib/dashboard/roster-state";
import type { Formats } from "@/lib/dashboard/format";
import { windowText } from "@/lib/dashboard/range-text";
import styles from "./roster.module.css";

interface Chip {
  key: string;
  label: string;
  remove: RosterChange;
}

function chipsOf(s: RosterState, formats: Formats): Chip[] {
  const chips: Chip[] = [];
  if (s.textSearch.trim())
    chips.push({ key: "q", label: `Search: “${s.textSearch.trim()}”`, remove: { textSearch: "" } });
  for (const seg of s.segments) {
    chips.push({
      key: `s-${seg}`,
      label: `Only: ${SEGMENT_LABELS[seg].label}`,
      remove: { segments: s.segments.filter((x) => x !== seg) },
    });
  }
  for (const seg of s.ignoreSegments) {
    chips.push({
      key: `i-${seg}`,
      label: `Hiding: ${SEGMENT_LABELS[seg].label}`,
      remove: { ignoreSegments: s.ignoreSegments.filter((x) => x !== seg) },
    });
  }
  if (s.cohort) chips.push({ key: "cohort", label: `Cohort: ${s.cohort}`, remove: { cohort: "" } });
  if (s.mode) chips.push({ key: "mode", label: `Track: ${s.mode}`, remove: { mode: "" } });
  if (s.window)
    chips.push({ key: "window", label: `Window: ${windowText(s.window, formats)}`, remove: { window: null } });
  return chips;
}

/** The active filters as removable chips, with "Clear all" (sorting and page size stay). */
export function FilterChips({ state, onChange }: { state: RosterState; onChange: (change: RosterChange) => void }) {
  const formats = useFormats();
  const chips = chipsOf(state, formats);
  if (!chips.length) return null;
  return (
    <div className={styles.chips} role="group" aria-label="Active filters">
      {chips.map((c) => (
        <span key={c.key} className={`${styles.chip} chip`}>
          {c.label}
          <button
            type="button"
            className={`${styles.chipRemove} chip-remove`}
            aria-label={`Remove filter ${c.label}`}
            onClick={() => onChange(c.remove)}
          >
            <svg aria-hidden="true" viewBox="0 0 12 12" width="10" height="10">
              <path d="M3 3l6 6M9 3l-6 6" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
          </button>
        </span>
      ))}
      <button
        type="button"
        className={styles.linkButton}
        onClick={() =>
          onChange({ textSearch: "", segments: [], ignoreSegments: [], cohort: "", mode: "", window: null })
        }
      >
        Clear all
      </button>
    </div>
  );
}
