"use client";

import { useRef, useState, type ChangeEvent, type DragEvent, type FormEvent } from "react";
import { formatBytes, plural } from "./format";
import { ImportResult } from "./import-result";
import { outcomeOf, type Outcome } from "./outcome";
import { uploadImport } from "./upload";
import styles from "./import.module.css";

type Phase =
  | { kind: "ready" }
  | { kind: "uploading"; sent: number; total: number }
  | { kind: "finishing" }
  | { kind: "over"; file: File; outcome: Outcome };

/** What the live region says: progress in quarters (not every event), then the outcome in one sentence. */
function announcement(phase: Phase, file: File | null): string {
  switch (phase.kind) {
    case "ready":
      return "";
    case "uploading":
      return `Uploading ${file?.name ?? "the file"}: ${Math.floor(percent(phase.sent, phase.total) / 25) * 25}% sent.`;
    case "finishing":
      return "Upload complete. Finishing the import…";
    case "over":
      return summaryOf(phase.outcome);
  }
}

function summaryOf(outcome: Outcome): string {
  switch (outcome.kind) {
    case "imported":
      return outcome.total === 0
        ? "The file held no records. Nothing was changed."
        : `Imported ${plural(outcome.total, "record")}.`;
    case "invalid":
      return `The file has ${outcome.truncated ? "at least " : ""}${plural(outcome.errors.length, "error")}. Nothing was changed.`;
    case "too_large":
      return "The file is larger than the server's limit. Nothing was changed.";
    case "busy":
      return "Lantern is busy. Nothing was changed; retry shortly.";
    case "network":
      return "The upload failed: no answer from Lantern. Retry when the connection is back.";
    case "signed_out":
      return "Your session has ended. Nothing was imported; sign in again.";
    case "forbidden":
      return "Only administrators can import. Nothing was changed.";
    case "failed":
      return `The import failed (the server answered ${outcome.status}).`;
  }
}

const percent = (sent: number, total: number) => (total > 0 ? Math.min(100, Math.round((sent / total) * 100)) : 0);

/**
 * Choose or drop a JSON Lines file, import it with a progress bar, and show what came of it. The
 * Import button stays focusable while an upload runs (aria-disabled rather than disabled), so a
 * keyboard user keeps their place and hears the outcome from the live region.
 */
export function ImportForm({ maxBytes, maxErrors }: { maxBytes: number; maxErrors: number }) {
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "ready" });
  const [noFile, setNoFile] = useState(false);
  const [dragging, setDragging] = useState(false);
  const importButton = useRef<HTMLButtonElement>(null);
  const running = phase.kind === "uploading" || phase.kind === "finishing";

  function choose(chosen: File | undefined) {
    if (!chosen || running) return;
    setFile(chosen);
    setNoFile(false);
    // The previous outcome was about another file.
    setPhase({ kind: "ready" });
  }

  async function start(f: File) {
    // Refused before sending: the server would only refuse it after the browser started sending.
    if (f.size > maxBytes) return setPhase({ kind: "over", file: f, outcome: { kind: "too_large" } });
    setPhase({ kind: "uploading", sent: 0, total: f.size });
    const answer = await uploadImport(f, {
      onProgress: (sent, total) => setPhase({ kind: "uploading", sent, total }),
      onSent: () => setPhase({ kind: "finishing" }),
    });
    setPhase({ kind: "over", file: f, outcome: outcomeOf(answer, maxErrors) });
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (running) return;
    if (!file) return setNoFile(true);
    void start(file);
  }

  function retry(f: File) {
    // The Retry button goes away with the outcome: keep the keyboard's place on the Import button.
    importButton.current?.focus();
    void start(f);
  }

  function onChange(e: ChangeEvent<HTMLInputElement>) {
    choose(e.currentTarget.files?.[0]);
    // Cleared, so choosing the same file again (after fixing it) is a change too.
    e.currentTarget.value = "";
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files[0]);
  }

  return (
    <>
      <section className="card" aria-labelledby="import-file-heading">
        <h2 id="import-file-heading" className="card-title">
          Upload a file
        </h2>
        <form onSubmit={onSubmit} className={styles.importForm}>
          <label
            className={[styles.importDrop, dragging && styles.dragging, running && styles.inactive]
              .filter(Boolean)
              .join(" ")}
            onDragOver={(e) => {
              e.preventDefault();
              if (!running) setDragging(true);
            }}
            onDragLeave={(e) => {
              // Moving onto the zone's own text is no leaving.
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
            }}
            onDrop={onDrop}
          >
            <input
              type="file"
              className="visually-hidden"
              accept=".jsonl,.ndjson,.json,text/plain"
              disabled={running}
              aria-describedby="import-chosen"
              onChange={onChange}
            />
            <span className={styles.importDropTitle}>
              <span className={styles.importDropLink}>Choose a JSON Lines file</span> or drop it here
            </span>
            <span className={styles.importDropHint}>
              .jsonl or .ndjson, one record per line, up to {formatBytes(maxBytes)}
            </span>
          </label>
          <p id="import-chosen" className={styles.importChosen}>
            {file ? (
              <>
                Chosen: <strong>{file.name}</strong> <span className="muted">({formatBytes(file.size)})</span>
              </>
            ) : (
              <span className="muted">No file chosen yet.</span>
            )}
          </p>
          {noFile && (
            <p className="form-error" role="alert">
              Choose a file to import first.
            </p>
          )}
          <div>
            <button ref={importButton} type="submit" className="button primary" aria-disabled={running || undefined}>
              {running ? "Importing…" : "Import"}
            </button>
          </div>
        </form>
        {(phase.kind === "uploading" || phase.kind === "finishing") && <Progress phase={phase} />}
      </section>

      <p className="visually-hidden" role="status">
        {announcement(phase, file)}
      </p>

      {phase.kind === "over" && (
        <ImportResult
          outcome={phase.outcome}
          file={phase.file}
          maxBytes={maxBytes}
          maxErrors={maxErrors}
          onRetry={retry}
        />
      )}
    </>
  );
}

function Progress({ phase }: { phase: Extract<Phase, { kind: "uploading" | "finishing" }> }) {
  return (
    <div className={styles.importProgress}>
      <div className={styles.importProgressLine}>
        <label htmlFor="import-progress-bar">
          {phase.kind === "uploading" ? "Uploading and importing…" : "Finishing the import…"}
        </label>
        {phase.kind === "uploading" && (
          <span className="muted">
            {formatBytes(phase.sent)} of {formatBytes(phase.total)} · {percent(phase.sent, phase.total)}%
          </span>
        )}
      </div>
      {/* Without a value the bar is indeterminate: the file is sent, the last records are being applied. */}
      <progress
        id="import-progress-bar"
        className={styles.importProgressBar}
        max={phase.kind === "uploading" ? phase.total || 1 : undefined}
        value={phase.kind === "uploading" ? phase.sent : undefined}
      />
    </div>
  );
}
