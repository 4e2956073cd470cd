import type { Segment } from "@/lib/analytics/segments";
import { SEGMENT_LABELS } from "@/lib/dashboard/labels";

/** A learner's segments as badges, each explained on hover; nothing when in none. */
export function SegmentBadges({ segments }: { segments: readonly Segment[] }) {
  if (!segments.length)
    return (
      <span className="muted">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">None</span>
      </span>
    );
  return (
    <span className="badges">
      {segments.map((s) => (
        <span key={s} className={`badge badge-${s}`} title={SEGMENT_LABELS[s].description}>
          {SEGMENT_LABELS[s].label}
        </span>
      ))}
    </span>
  );
}
