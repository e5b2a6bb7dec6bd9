/**
 * The CSV record scanner behind parseCsvColumns (RFC 4180, LF, CRLF or CR line ends), and the
 * compact store of where each cell is.
 */
import { TableInputError } from './table-input-error.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Where each cell's text is: start and end offsets in the source text, so that a large file is
 * held as numbers and its cells become strings only when a column is read (and can be dropped
 * right after). A quoted cell's value (its quotes undone) is kept as a string.
 */
export class CellSpans {
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private readonly quoted = new Map<number, string>();
  private count = 0;

  constructor(private readonly text: string) {}

  push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
    }
    this.starts[this.count] = start;
    this.ends[this.count++] = end;
  }

  pushQuoted(value: string): void {
    this.quoted.set(this.count, value);
    this.push(0, -1);
  }

  /** The text of cell number `cell` (row-major, from 0). */
  value(cell: number): string {
    const end = this.ends[cell]!;
    return end < 0 ? this.quoted.get(cell)! : this.text.slice(this.starts[cell]!, end);
  }
}

function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}

/** Reads one record at a time, keeping where its fields are, and counts source lines. */
export class CsvScanner {
  /** The fields of the record last read by next(): plain spans, or quoted values. */
  fieldCount = 0;
  /** The line where that record starts. */
  recordLine = 1;
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly quotedValues: (string | undefined)[] = [];
  private position = 0;
  private line = 1;

  constructor(readonly text: string) {}

  /** Reads the next record that is not a blank line; false at the end of the text. */
  next(): boolean {
    while (this.position < this.text.length) {
      this.fieldCount = 0;
      this.recordLine = this.line;
      this.readRecord();
      const blank =
        this.fieldCount === 1 &&
        this.quotedValues[0] === undefined &&
        this.ends[0] === this.starts[0];
      if (!blank) return true;
    }
    return false;
  }

  /** The fields of the current record as strings. */
  fieldValues(): string[] {
    return Array.from({ length: this.fieldCount }, (_, f) => this.fieldValue(f));
  }

  /** Adds the current record's fields to `cells`. */
  appendFields(cells: CellSpans): void {
    for (let f = 0; f < this.fieldCount; f++) {
      const quoted = this.quotedValues[f];
      if (quoted === undefined) cells.push(this.starts[f]!, this.ends[f]!);
      else cells.pushQuoted(quoted);
    }
  }

  private fieldValue(f: number): string {
    return this.quotedValues[f] ?? this.text.slice(this.starts[f]!, this.ends[f]!);
  }

  /** Reads fields up to the end of the record. */
  private readRecord(): void {
    const { text } = this;
    for (;;) {
      const f = this.fieldCount++;
      if (text.charCodeAt(this.position) === QUOTE) {
        this.quotedValues[f] = this.readQuoted();
      } else {
        this.quotedValues[f] = undefined;
        this.starts[f] = this.position;
        this.ends[f] = this.position = plainEnd(text, this.position);
      }
      const separator = this.position < text.length ? text.charCodeAt(this.position) : -1;
      if (separator === COMMA) {
        this.position++;
        continue;
      }
      if (separator === -1) return;
      if (separator !== LF && separator !== CR) {
        throw new TableInputError('text follows a closing quote', { line: this.line });
      }
      const crlf = separator === CR && text.charCodeAt(this.position + 1) === LF;
      this.position += crlf ? 2 : 1;
      this.line++;
      return;
    }
  }

  /** Reads a quoted field from its opening quote; "" inside stands for one quote. */
  private readQuoted(): string {
    const { text } = this;
    let value = '';
    let i = this.position + 1;
    for (;;) {
      const quote = text.indexOf('"', i);
      if (quote < 0)
        throw new TableInputError('a quoted field is never closed', { line: this.line });
      value += text.slice(i, quote);
      if (text.charCodeAt(quote + 1) !== QUOTE) {
        this.position = quote + 1;
        this.line += countLineFeeds(value);
        return value;
      }
      value += '"';
      i = quote + 2;
    }
  }
}

/** The end of an unquoted field starting at `start`: the next comma or line end. */
function plainEnd(text: string, start: number): number {
  let i = start;
  for (; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === COMMA || char === LF || char === CR) break;
  }
  return i;
}

function countLineFeeds(value: string): number {
  let count = 0;
  for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) count++;
  return count;
}
