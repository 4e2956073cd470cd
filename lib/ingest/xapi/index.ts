export { ingestStatements, DEFAULT_AUTHORITY, type StatementBatchOptions, type StatementBatchResult } from "./ingest";
export { validateStatement } from "./validate";
export { VERBS } from "./verbs";
export { statementFingerprint } from "./fingerprint";
export type { XapiStatement } from "./schema";
