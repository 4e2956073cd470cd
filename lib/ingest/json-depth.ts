/**
 * How deep JSON may nest (objects and arrays inside one another). Parsing and validating are
 * recursive, so a body nested thousands deep would overflow the stack; no record Lantern takes
 * needs more than a handful of levels (xAPI extensions included), so 64 leaves room to spare.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether JSON text nests deeper than `max`, found without parsing it: brackets are counted
 * outside strings. Answers for well-formed text; malformed text is left to the parser to name.
 */
export function nestsDeeperThan(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

export const tooDeepMessage = (max = MAX_JSON_DEPTH) => `nests objects and arrays more than ${max} levels deep`;
