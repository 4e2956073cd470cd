import type { z } from "zod";
import { formatPath } from "./errors";

/** Short messages for the common cases, so an import error reads `line 4: email: required`. */
export const ingestErrorMap: z.core.$ZodErrorMap = (iss) => {
  if (iss.code === "invalid_type") {
    if (iss.input === undefined) return "required";
    return `expected ${iss.expected}, got ${describeValue(iss.input)}`;
  }
  if (iss.code === "too_big" || iss.code === "too_small") {
    const unit = iss.origin === "string" ? " characters" : iss.origin === "array" ? " items" : "";
    const bound = iss.code === "too_big" ? iss.maximum : iss.minimum;
    const words = iss.code === "too_big" ? (iss.inclusive ? "at most" : "below") : iss.inclusive ? "at least" : "above";
    return `must be ${words} ${String(bound)}${unit}`;
  }
  if (iss.code === "invalid_value") return `must be one of ${iss.values.map((v) => JSON.stringify(v)).join(", ")}`;
  return undefined;
};

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** One problem per field; an unknown member becomes `<member>: unknown field`. */
export function fieldProblems(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const iss of error.issues) {
    const path = [...prefix, ...iss.path];
    if (iss.code === "unrecognized_keys") {
      for (const key of iss.keys) out.push({ field: formatPath([...path, key]), message: "unknown field" });
    } else {
      out.push({ field: formatPath(path) || "(record)", message: iss.message });
    }
  }
  return out;
}
