/**
 * CSV as docs/edx-api.md asks: RFC 4180 quoting, CRLF line ends, null as an empty cell, lists joined with
 * ", ", and text cells that a spreadsheet would run as a formula (starting with = + - @, tab or
 * CR) prefixed with a quote.
 */

export type CsvValue = string | number | boolean | null | undefined | readonly string[];

const FORMULA_START = /^[=+\-@\t\r]/;
const QUOTED = /[",\r\n]/;
// Either of the two above: most cells are neither, and one test clears them.
const NEEDS_CARE = new RegExp(`${FORMULA_START.source}|${QUOTED.source}`);

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = typeof value === "string" ? value : value.join(", ");
  if (!NEEDS_CARE.test(text)) return text;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return QUOTED.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) line += i === 0 ? csvCell(values[i]) : `,${csvCell(values[i])}`;
  return `${line}\r\n`;
}

/** A file name part with everything but letters, digits, dot, dash and underscore as `_`. */
export function safeFileName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, "_");
}

type CsvRows = readonly (readonly CsvValue[])[];

/**
 * A streamed CSV response: the header row, then `batches` of rows as the client reads them, in
 * ~64 KB chunks, so memory stays flat however many rows there are. Rows come a batch at a time
 * (one await per batch, not per row). `batches` must not hold a database statement open between
 * chunks (other requests share the connection): yield from batches read whole.
 */
export function csvResponse(
  fileName: string,
  header: readonly string[],
  batches: Iterable<CsvRows> | AsyncIterable<CsvRows>,
): Response {
  const encoder = new TextEncoder();
  const iterator: Iterator<CsvRows> | AsyncIterator<CsvRows> =
    Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches[Symbol.iterator]();
  // Rows gather in an array joined once a chunk is full: encoding a string grown by `+=` first
  // flattens it, about a third dearer per row (measured).
  let rows = [csvRow(header)];
  let length = rows[0]!.length;
  const flush = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    controller.enqueue(encoder.encode(rows.join("")));
    rows = [];
    length = 0;
  };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const next = await iterator.next();
        if (next.done) {
          if (length) flush(controller);
          controller.close();
          return;
        }
        for (const row of next.value) {
          const line = csvRow(row);
          rows.push(line);
          length += line.length;
        }
        if (length >= 65_536) return flush(controller);
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
