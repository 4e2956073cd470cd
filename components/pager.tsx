"use client";

import { useFormats } from "@/components/locale";
import { PAGE_SIZES } from "@/lib/dashboard/roster-state";
import styles from "./pager.module.css";

/** Page size choice, the range shown of the total, and moving between pages. */
export function Pager({
  page,
  pageSize,
  count,
  onPage,
  onPageSize,
}: {
  page: number;
  pageSize: number;
  count: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}) {
  const formats = useFormats();
  const pages = Math.max(1, Math.ceil(count / pageSize));
  const first = count === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(count, page * pageSize);
  return (
    <nav className={`${styles.pager} pager`} aria-label="Pages">
      <label className={styles.size}>
        Rows per page
        <select value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <span className={`${styles.range} pager-range`}>
        {formats.count(first)}–{formats.count(last)} of {formats.count(count)}
      </span>
      <span className={styles.buttons}>
        <button
          type="button"
          className={`button ${styles.end}`}
          onClick={() => onPage(1)}
          disabled={page <= 1}
          aria-label="First page"
        >
          «
        </button>
        <button type="button" className="button" onClick={() => onPage(page - 1)} disabled={page <= 1}>
          Previous
        </button>
        <span className={`${styles.page} pager-page`}>
          Page {formats.count(page)} of {formats.count(pages)}
        </span>
        <button type="button" className="button" onClick={() => onPage(page + 1)} disabled={page >= pages}>
          Next
        </button>
        <button
          type="button"
          className={`button ${styles.end}`}
          onClick={() => onPage(pages)}
          disabled={page >= pages}
          aria-label="Last page"
        >
          »
        </button>
      </span>
    </nav>
  );
}
