/** Where a bad value sits and why it is bad; every parser and writer reports through this. */
export interface FormatErrorDetails {
  /** File the text came from; empty when unknown. */
  fileName?: string;
  /** 1-based line, when the format has lines and it is known. */
  line?: number;
  /** 1-based column where the field starts, when known. */
  column?: number;
  /** Field name, e.g. `eccentricity` or `MEAN_MOTION`. */
  field: string;
  /** The offending text (or value) as found. */
  value: string;
  /** What is wrong, completing "<value> …", e.g. `is not a number`. */
  reason: string;
}

/**
 * A value in an element-set file that cannot be read (or an element set that cannot be written).
 * The message names file, line, column, field and value:
 * `iss.tle:12:27: field eccentricity: "00a4941" is not a number`.
 */
export class FormatError extends Error {
  readonly fileName: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly field: string;
  readonly value: string;
  readonly reason: string;

  constructor(details: FormatErrorDetails) {
    super(formatErrorMessage(details));
    this.name = 'FormatError';
    this.fileName = details.fileName ?? '';
    this.line = details.line;
    this.column = details.column;
    this.field = details.field;
    this.value = details.value;
    this.reason = details.reason;
  }
}

function formatErrorMessage(d: FormatErrorDetails): string {
  let where = d.fileName || '<input>';
  if (d.line !== undefined) {
    where += `:${d.line}`;
    if (d.column !== undefined) where += `:${d.column}`;
  }
  return `${where}: field ${shorten(d.field)}: ${JSON.stringify(shorten(d.value))} ${d.reason}`;
}

/** Keep messages readable when a whole garbage line is the value. */
function shorten(value: string): string {
  return value.length > 80 ? value.slice(0, 77) + '...' : value;
}
