import { stringify } from 'csv-stringify/sync';
import { csvNumber } from './messages/format';

export type CsvValue = string | number | undefined | null;

/**
 * A CSV that Swedish Excel and LibreOffice open as they are: UTF-8 with BOM (so å, ä and ö survive), semicolons,
 * every field quoted, CRLF, numbers with a decimal comma. Text that could start a spreadsheet formula (CSV
 * injection, e.g. from a free text) gets a leading apostrophe. The quoting is csv-stringify's. A file written in
 * parts (the export of every response) puts the BOM on its first part only (`bom: false` for the others).
 */
export function spreadsheetCsv(rows: readonly (readonly CsvValue[])[], { bom = true } = {}): string {
  const guarded = rows.map((row) =>
    row.map((value) =>
      value === undefined || value === null
        ? ''
        : typeof value === 'number'
          ? csvNumber(value)
          : /^[=+\-@\t\r]/.test(value)
            ? `'${value}`
            : value,
    ),
  );
  return stringify(guarded, {
    bom,
    delimiter: ';',
    quoted: true,
    quoted_empty: true,
    record_delimiter: 'windows',
  });
}
