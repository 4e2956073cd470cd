/**
 * CSV as api.md asks: RFC 4180 quoting, CRLF line ends, null as an empty cell, lists joined with
 * ", ", and text cells that a spreadsheet would run as a formula (starting with = + - @, tab or
 * CR) prefixed with a quote.
 */

export type CsvValue = string | number | boolean | null | undefined | readonly string[];

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = typeof value === "string" ? value : value.join(", ");
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** A file name part with everything but letters, digits, dot, dash and underscore as `_`. */
export function safeFileName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, "_");
}

/**
 * A streamed CSV response: the header row, then `rows` as the client reads them, in ~64 KB
 * chunks, so memory stays flat however many rows there are. `rows` must not hold a database
 * statement open between chunks (other requests share the connection): yield from batches.
 */
export function csvResponse(
  fileName: string,
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]> | AsyncIterable<readonly CsvValue[]>,
): Response {
  const encoder = new TextEncoder();
  const iterator: Iterator<readonly CsvValue[]> | AsyncIterator<readonly CsvValue[]> =
    Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
  let chunk = csvRow(header);
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const next = await iterator.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += csvRow(next.value);
        if (chunk.length >= 65_536) {
          controller.enqueue(encoder.encode(chunk));
          chunk = "";
          return;
        }
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
    },
  });
}
