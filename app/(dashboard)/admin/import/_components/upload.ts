/** The server's answer to an upload, or null when none came (the connection failed or was cut). */
export type Answer = { status: number; body: string; retryAfter: string | null } | null;

export interface UploadHandlers {
  /** Bytes of the file sent so far. */
  onProgress: (sent: number, total: number) => void;
  /** The whole file is sent; the server is finishing the import. */
  onSent: () => void;
}

/**
 * POSTs the file to the import route. XMLHttpRequest rather than fetch, because only it reports
 * upload progress; the route streams the body straight into the import, so upload progress is
 * import progress. Same origin, so the session cookie goes with it.
 */
export function uploadImport(file: Blob, { onProgress, onSent }: UploadHandlers): Promise<Answer> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v0/import");
    // Set explicitly: the browser would send the file's own type (often none for .jsonl), which the route refuses.
    xhr.setRequestHeader("Content-Type", "application/x-ndjson");
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.upload.onload = onSent;
    xhr.onload = () =>
      resolve({ status: xhr.status, body: xhr.responseText, retryAfter: xhr.getResponseHeader("Retry-After") });
    xhr.onerror = xhr.onabort = xhr.ontimeout = () => resolve(null);
    xhr.send(file);
  });
}
