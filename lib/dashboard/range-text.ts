import type { Range } from "@/lib/analytics/ranges";
import type { Formats } from "./format";

/** A range for people: "0–13", "50 or more", or "none" when the course has no such range. */
export function rangeText(range: Range | null, formats: Formats): string {
  if (!range) return "none";
  const [lower, upper] = range;
  return upper === null ? `${formats.bound(lower)} or more` : `${formats.bound(lower)}–${formats.bound(upper)}`;
}
