import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { maxImportBytes } from "@/lib/api/body";
import { sessionCaller } from "@/lib/api/caller";
import { isAdmin } from "@/lib/auth/access";
import { MAX_ERRORS } from "@/lib/ingest/jsonl";
import { ImportForm } from "./_components/import-form";
import styles from "./_components/import.module.css";

export const metadata: Metadata = { title: "Import data" };

/** Import: an administrator uploads a JSON Lines file to `POST /api/v0/import` (docs/import-format.md). */
export default async function ImportPage() {
  const caller = await sessionCaller(getDb());
  if (!caller) redirect("/sign-in?callbackUrl=/admin/import");
  if (!isAdmin(caller)) {
    return (
      <main className="page narrow">
        <header className="page-header">
          <h1>Import data</h1>
          <p className="lede">Only administrators can import data into Lantern.</p>
        </header>
        <section className="card" aria-labelledby="ask-heading">
          <h2 id="ask-heading" className="card-title">
            Ask an administrator
          </h2>
          <p>They can import your file, or give your LMS an API key to send its activity to Lantern.</p>
          <Link href="/">Back to your courses</Link>
        </section>
      </main>
    );
  }
  return (
    <main className="page narrow">
      <header className="page-header">
        <h1>Import data</h1>
        <p className="lede">
          Load a JSON Lines file, one record per line: departments, users, courses, staff, enrollments, objectives,
          items, goals, xAPI statements and graded events. The file is imported whole or not at all: if any line is
          invalid, nothing changes and every error is listed with its line number.
        </p>
        <p className={styles.notes}>
          Records update the ones already there by their keys. The fields of each type:{" "}
          <Link href="/api-docs#postApiV0Import">API reference → Import a JSON Lines file</Link>. Files too large to
          upload: <code>npx lantern import FILE</code> on the server.
        </p>
      </header>
      <ImportForm maxBytes={maxImportBytes()} maxErrors={MAX_ERRORS} />
    </main>
  );
}
