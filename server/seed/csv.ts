/**
 * A small RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks;
 * CRLF or LF line ends; a UTF-8 BOM is dropped. Enough for the published-figures file,
 * whose notes and Vietnamese names can contain any of these.
 */
export interface CsvRecord {
  /** 1-based line where the record starts, for error messages. */
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  override readonly name = 'CsvError';
}

export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quotedField = false;

  const endField = () => {
    fields.push(field);
    field = '';
    quotedField = false;
  };
  const endRecord = () => {
    endField();
    // A blank line is not a record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < src.length) {
    const c = src[i]!;
    if (c === '"' && field === '' && !quotedField) {
      // A quoted field: read to the closing quote.
      quotedField = true;
      const startLine = line;
      i++;
      for (;;) {
        if (i >= src.length) throw new CsvError(`line ${startLine}: a quoted field is never closed`);
        const q = src[i]!;
        if (q === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        field += q;
        i++;
      }
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new CsvError(`line ${line}: unexpected text after a closing quote`);
      }
      continue;
    }
    if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      if (quotedField) throw new CsvError(`line ${line}: unexpected text after a closing quote`);
      field += c;
      i++;
    }
  }
  if (field !== '' || fields.length > 0 || quotedField) endRecord();
  return records;
}

/** Records as objects keyed by the header row; every named column must be present. */
export function csvObjects<K extends string>(records: CsvRecord[], required: ReadonlyArray<K>): { line: number; row: Record<K, string> }[] {
  const [header, ...rows] = records;
  if (!header) throw new CsvError('the file is empty');
  const names = header.fields.map((f) => f.trim());
  const missing = required.filter((k) => !names.includes(k));
  if (missing.length) throw new CsvError(`line ${header.line}: missing column(s) ${missing.join(', ')}`);
  return rows.map(({ line, fields }) => {
    if (fields.length !== names.length) {
      throw new CsvError(`line ${line}: ${fields.length} fields where the header has ${names.length}`);
    }
    const row = {} as Record<K, string>;
    for (const k of required) row[k] = fields[names.indexOf(k)]!.trim();
    return { line, row };
  });
}
