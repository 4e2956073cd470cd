/**
 * The little XML iSpring's API speaks: a declaration, then elements holding either text or other
 * elements, one per line (the seed's layout). Names are this code's own constants; text is escaped.
 */

// Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/FFFF): dropped,
// since escaping cannot make them legal and a client's parser would reject the whole document.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** `<name>text</name>`, or `<name>` with each child on its own line. */
export function element(name: string, content: string | number | readonly string[]): string {
  if (typeof content === "object") return `<${name}>\n${content.map((c) => `${c}\n`).join("")}</${name}>`;
  return `<${name}>${escapeXml(String(content))}</${name}>`;
}

/** One text element per field, in the record's order; absent fields are left out. */
export function fieldElements(record: Readonly<Record<string, string | number | undefined>>): string[] {
  return Object.entries(record).flatMap(([name, value]) => (value === undefined ? [] : [element(name, value)]));
}

export function xmlDocument(root: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}
