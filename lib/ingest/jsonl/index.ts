export {
  importJsonLines,
  MAX_ERRORS,
  type ImportCounts,
  type ImportOptions,
  type ImportProgress,
  type ImportResult,
} from "./import";
export { RECORD_SCHEMAS, type RecordType } from "./records";
