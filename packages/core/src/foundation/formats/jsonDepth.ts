/**
 * Nesting depth of JSON text, measured by a linear scan before `JSON.parse`: deeply nested
 * arrays parse fine but then overflow the stack in anything recursive (`JSON.stringify`, schema
 * validators, structured clone), so untrusted JSON is refused above a depth before it is parsed.
 */

/** Offset of the first `[`/`{` that opens level `maxDepth + 1`, or -1 when the text stays within. */
export function jsonDepthExceededAt(text: string, maxDepth: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > maxDepth) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return -1;
}

/** JSON text of a value for an error message, never throwing (cyclic or deep values give a placeholder). */
export function jsonPreview(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Array.isArray(value) ? '[…]' : '{…}';
  }
}
