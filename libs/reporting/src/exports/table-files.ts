import { PassThrough, Readable } from 'node:stream';

import type { Cell, ReportTable } from './report-table';

export type ExportFormat = 'csv' | 'xlsx';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];

export const MEDIA_TYPES: { readonly [F in ExportFormat]: string } = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** RFC 4180 CSV in UTF-8 with a byte-order mark, which spreadsheet programs need for Vietnamese text. */
export function toCsv(table: ReportTable): Buffer {
  const lines = [table.headers, ...table.rows].map(csvLine);
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** A table too long to hold whole: its headers, then its rows as they are read. */
export interface StreamedTable {
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: AsyncIterable<readonly (readonly Cell[])[]>;
}

/** The same CSV as toCsv, written a batch of rows at a time as they are read. */
export function csvStream(table: StreamedTable): Readable {
  return Readable.from(
    (async function* () {
      yield Buffer.from(`\uFEFF${csvLine(table.headers)}\r\n`, 'utf8');
      for await (const batch of table.rows) {
        if (batch.length > 0) yield Buffer.from(`${batch.map(csvLine).join('\r\n')}\r\n`, 'utf8');
      }
    })(),
  );
}

/** The same spreadsheet as toXlsx, written by exceljs's streaming writer as the rows are read. */
export function xlsxStream(table: StreamedTable): Readable {
  const output = new PassThrough();
  void (async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output });
    const sheet = workbook.addWorksheet(table.title.slice(0, 31));
    sheet.columns = table.headers.map(() => ({ width: 16 }));
    const header = sheet.addRow([...table.headers]);
    header.font = { bold: true };
    header.commit();
    for await (const batch of table.rows) {
      for (const row of batch) sheet.addRow([...row]).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return output;
}

function csvLine(row: readonly Cell[]): string {
  return row.map(csvCell).join(',');
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  // A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
  const safe = typeof value === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** exceljs is loaded at the first spreadsheet: it holds about 7 MB of heap that nothing else needs. */
export async function toXlsx(table: ReportTable): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.title.slice(0, 31));
  sheet.addRow([...table.headers]).font = { bold: true };
  for (const row of table.rows) sheet.addRow([...row]);
  sheet.columns.forEach((column) => (column.width = 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
