// Any origin would do as the base: only whether the value stays on it matters.
const BASE = "http://lantern.invalid";

/**
 * A same-origin path to return to after sign-in, or "/". The value is resolved the way a browser
 * resolves a link (the WHATWG URL parser: tabs and line breaks dropped, backslashes read as
 * slashes, leading spaces and control characters trimmed), so "/\t/evil.example" — which a browser
 * reads as "//evil.example" — is refused; what comes back is the parser's own serialisation
 * (percent-encoded), safe in a Location header.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value === "") return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  // Only a path: a value that does not begin with one ("evil.example/x", "?q") is not meant as a place here.
  if (!/^[\s\u0000-\u001f]*[/\\]/.test(value)) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
