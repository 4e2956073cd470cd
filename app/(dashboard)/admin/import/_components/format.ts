const UNITS = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

/** A size in bytes for people, in binary multiples ("12 kB", "1 GB"), in the browser's locale. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // "218 bytes", but "12 kB": the short form of a plain byte count is an unidiomatic "218 byte".
  const unitDisplay = unit === 0 ? "long" : "short";
  return new Intl.NumberFormat(undefined, {
    style: "unit",
    unit: UNITS[unit],
    unitDisplay,
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** A count in the browser's locale. */
export const formatCount = (n: number) => n.toLocaleString();

/** "1 record", "2,000 records". */
export const plural = (n: number, noun: string) => `${formatCount(n)} ${noun}${n === 1 ? "" : "s"}`;
