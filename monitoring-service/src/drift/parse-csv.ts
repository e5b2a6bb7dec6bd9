import type { RecordSet } from './record-set.js';
import { TableInputError } from './table-input-error.js';

/**
 * Parses CSV text (RFC 4180): a header row of distinct column names, comma separators, fields
 * optionally in double quotes (which may hold commas, line breaks and doubled quotes), LF or CRLF
 * line ends. A leading byte-order mark and blank lines are ignored. Cells stay strings.
 *
 * O(length of text). Throws TableInputError (with the line) on an unterminated quote, text after a
 * closing quote, a row whose field count differs from the header's, or a missing or repeated
 * column name.
 */
export function parseCsv(text: string): RecordSet {
  const records = splitRecords(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const header = records.shift();
  if (!header) throw new TableInputError('the header row is missing');
  const columns = header.fields;
  columns.forEach((name, i) => {
    if (name === '') {
      throw new TableInputError(`column ${i + 1} of the header has no name`, { line: header.line });
    }
    if (columns.indexOf(name) !== i) {
      throw new TableInputError(`column "${name}" appears twice in the header`, {
        line: header.line,
      });
    }
  });
  const rows = records.map(({ fields, line }, i) => {
    if (fields.length !== columns.length) {
      throw new TableInputError(
        `the row has ${fields.length} fields where the header has ${columns.length}`,
        {
          line,
          row: i + 1,
        },
      );
    }
    const record: Record<string, string> = {};
    columns.forEach((name, c) => {
      record[name] = fields[c]!;
    });
    return record;
  });
  return { columns, rows, lines: records.map((r) => r.line) };
}

interface RawRecord {
  fields: string[];
  line: number;
}

interface RawField {
  value: string;
  quoted: boolean;
  next: number;
  lineBreaks: number;
}

function splitRecords(text: string): RawRecord[] {
  const records: RawRecord[] = [];
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  for (;;) {
    const field = text[i] === '"' ? readQuoted(text, i, line) : readPlain(text, i);
    fields.push(field.value);
    line += field.lineBreaks;
    i = field.next;
    const separator = text[i];
    if (separator === ',') {
      i++;
      continue;
    }
    if (separator !== undefined && separator !== '\n' && separator !== '\r') {
      throw new TableInputError('text follows a closing quote', { line });
    }
    const blank = fields.length === 1 && fields[0] === '' && !field.quoted;
    if (!blank) records.push({ fields, line: recordLine });
    fields = [];
    if (separator === undefined) return records;
    i += separator === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line++;
    recordLine = line;
    if (i >= text.length) return records;
  }
}

function readPlain(text: string, start: number): RawField {
  let i = start;
  while (i < text.length) {
    const char = text[i];
    if (char === ',' || char === '\n' || char === '\r') break;
    i++;
  }
  return { value: text.slice(start, i), quoted: false, next: i, lineBreaks: 0 };
}

/** Reads a quoted field starting at the opening quote; "" inside stands for one quote. */
function readQuoted(text: string, start: number, line: number): RawField {
  let value = '';
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) throw new TableInputError('a quoted field is never closed', { line });
    value += text.slice(i, quote);
    if (text[quote + 1] !== '"') {
      return { value, quoted: true, next: quote + 1, lineBreaks: countLineBreaks(value) };
    }
    value += '"';
    i = quote + 2;
  }
}

function countLineBreaks(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) if (value[i] === '\n') count++;
  return count;
}
