import Link from "next/link";
import type { ReactNode } from "react";
import { formatBytes, formatCount, plural } from "./format";
import type { CountRow, LineError, Outcome } from "./outcome";
import styles from "./import.module.css";

type Tone = "ok" | "bad" | "warn";

interface Props {
  outcome: Outcome;
  file: File;
  maxBytes: number;
  maxErrors: number;
  onRetry: (file: File) => void;
}

/** What came of an import: the per-type counts, the line-numbered errors, or why it could not run. */
export function ImportResult({ outcome, file, maxBytes, maxErrors, onRetry }: Props) {
  const retry = (
    <button type="button" className="button" onClick={() => onRetry(file)}>
      Retry
    </button>
  );
  switch (outcome.kind) {
    case "imported":
      return outcome.total === 0 ? (
        <Result tone="warn" title="Nothing to import">
          <p>
            <strong>{file.name}</strong> holds no records, only blank lines. Nothing was changed.
          </p>
        </Result>
      ) : (
        <Result tone="ok" title={`Imported ${plural(outcome.total, "record")}`}>
          <p>
            Every record of <strong>{file.name}</strong> was loaded, in one transaction. The figures include them from
            the next page you open.
          </p>
          <Counts rows={outcome.rows} total={outcome.total} />
          {outcome.rows.some((r) => r.type === "course" || r.type === "enrollment") && (
            <p>
              <Link href="/">See the courses</Link>
            </p>
          )}
        </Result>
      );
    case "invalid":
      return (
        <Result
          tone="bad"
          title={`${file.name} has ${outcome.truncated ? "at least " : ""}${plural(outcome.errors.length, "error")}`}
        >
          <p>
            <strong>Nothing was changed.</strong> An import is all or nothing: fix{" "}
            {outcome.errors.length === 1 ? "this line" : "these lines"}, then choose the file again and import it.
          </p>
          {outcome.truncated && (
            <p className="muted">
              Lantern stops reading after {formatCount(maxErrors)} errors, so the file may have more than those listed.
            </p>
          )}
          <Errors errors={outcome.errors} />
        </Result>
      );
    case "too_large":
      return (
        <Result tone="bad" title="The file is too large to upload">
          <p>
            <strong>{file.name}</strong> ({formatBytes(file.size)}) is larger than the server accepts
            {file.size > maxBytes ? ` (${formatBytes(maxBytes)}, set by LANTERN_MAX_IMPORT_BYTES)` : ""}. Nothing was
            changed.
          </p>
          <p>
            Import it on the server with the command line instead, which reads the file directly:{" "}
            <code>npx lantern import FILE</code>
          </p>
        </Result>
      );
    case "busy":
      return (
        <Result tone="warn" title="Lantern is busy">
          <p>
            Another import or write is running, so this one could not start. Nothing was changed. Retry{" "}
            {outcome.retryAfterSeconds ? `in ${outcome.retryAfterSeconds} seconds` : "shortly"}.
          </p>
          {retry}
        </Result>
      );
    case "network":
      return (
        <Result tone="bad" title="The upload failed">
          <p>
            No answer came from Lantern. Either the connection failed (check it, then retry), or the file changed on
            disk since you chose it (choose it again).
          </p>
          {retry}
        </Result>
      );
    case "signed_out":
      return (
        <Result tone="warn" title="Your session has ended">
          <p>
            Nothing was imported. <Link href="/sign-in?callbackUrl=/admin/import">Sign in again</Link>, then import the
            file.
          </p>
        </Result>
      );
    case "forbidden":
      return (
        <Result tone="bad" title="Only administrators can import">
          <p>Your account may no longer import data. Nothing was changed.</p>
        </Result>
      );
    case "failed":
      return (
        <Result tone="bad" title="The import failed">
          <p>
            Lantern answered {outcome.status}
            {outcome.message ? `: ${outcome.message}` : "."}
          </p>
          {retry}
        </Result>
      );
  }
}

function Result({ tone, title, children }: { tone: Tone; title: string; children: ReactNode }) {
  return (
    <section className={`card ${styles.importResult} ${styles[tone]}`} aria-labelledby="import-result-heading">
      <h2 id="import-result-heading" className="card-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Counts({ rows, total }: { rows: CountRow[]; total: number }) {
  return (
    <div className="table-scroll">
      <table className={`table ${styles.importCounts}`}>
        <caption className="visually-hidden">Records imported, by type</caption>
        <thead>
          <tr>
            <th scope="col">Record type</th>
            <th scope="col" className="num">
              Records
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.type}>
              <th scope="row">{r.label}</th>
              <td className="num">{formatCount(r.count)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="num">{formatCount(total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Errors({ errors }: { errors: LineError[] }) {
  return (
    <ul className={styles.importErrors} aria-label="Errors, by line">
      {errors.map((e, i) => (
        <li key={i}>
          <span className={styles.importErrorLine}>{e.line === null ? "File" : `Line ${e.line}`}</span>
          <span className={styles.importErrorMessage}>{e.message}</span>
        </li>
      ))}
    </ul>
  );
}
