"use client";

import { useRef, useState } from "react";
import type { LearnerObject } from "@/db/queries/learners/learner-object";
import type { EngagementRanges } from "@/lib/analytics/ranges";
import type { Segment } from "@/lib/analytics/segments";
import { SEGMENT_LABELS } from "@/lib/dashboard/labels";
import { segmentReason } from "@/lib/dashboard/segment-reasons";
import { useFormats } from "./locale";
import styles from "./segment-badges.module.css";

const SEGMENT_CLASS: Partial<Record<Segment, string>> = {
  highly_engaged: styles.badgeHighlyEngaged,
  struggling: styles.badgeStruggling,
  disengaging: styles.badgeDisengaging,
  unenrolled: styles.badgeUnenrolled,
};

/**
 * A segment's badge classes, for a badge shown elsewhere (the roster's segment filter). The plain
 * `badge badge-<segment>` beside the module's are what print.css and the e2e specs select on.
 */
export function badgeClass(segment: Segment): string {
  return `${styles.badge} ${SEGMENT_CLASS[segment] ?? ""} badge badge-${segment}`;
}

/**
 * A learner's segments as badges; nothing when in none. Each badge is focusable and has a tooltip
 * (on hover and on keyboard focus, and as its accessible description) saying which rule put the
 * learner there — with their figures when `figures` are the default window's.
 */
export function SegmentBadges({
  segments,
  idBase,
  figures,
  ranges,
}: {
  segments: readonly Segment[];
  /** Unique on the page (a username): the tooltips' ids. */
  idBase: string;
  /** The learner's default-window figures, or null when the figures shown are another window's. */
  figures: LearnerObject["engagements"] | null;
  ranges: EngagementRanges | null;
}) {
  const formats = useFormats();
  if (!segments.length)
    return (
      <span className="muted">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">None</span>
      </span>
    );
  return (
    <span className={styles.badges}>
      {segments.map((s) => (
        <Badge
          key={s}
          segment={s}
          id={`segment-why-${idBase}-${s}`.replace(/[^A-Za-z0-9_-]/g, "_")}
          reason={segmentReason(s, figures, ranges, formats)}
        />
      ))}
    </span>
  );
}

/** Widest tooltip (20rem), narrower on a phone (80vw), as the CSS caps it. */
const tipWidth = () => Math.min(320, window.innerWidth * 0.8);

function Badge({ segment, id, reason }: { segment: Segment; id: string; reason: string }) {
  const button = useRef<HTMLButtonElement>(null);
  // Fixed to the viewport so that the table's scroll region does not clip it.
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);
  const place = () => {
    const r = button.current?.getBoundingClientRect();
    if (r)
      setAt({
        top: r.bottom + 4,
        left: Math.max(8, Math.min(r.right - tipWidth(), window.innerWidth - tipWidth() - 8)),
      });
  };
  return (
    <span className={styles.badgeTip} onMouseEnter={place} onFocus={place}>
      <button
        ref={button}
        type="button"
        className={badgeClass(segment)}
        aria-describedby={id}
        onKeyDown={(e) => {
          if (e.key === "Escape") button.current?.blur();
        }}
      >
        {SEGMENT_LABELS[segment].label}
      </button>
      <span
        role="tooltip"
        id={id}
        className={`${styles.badgeTipText} badge-tip-text`}
        style={at ? { position: "fixed", top: at.top, left: at.left, right: "auto" } : undefined}
      >
        <strong>{SEGMENT_LABELS[segment].label}:</strong> {reason}
      </span>
    </span>
  );
}
