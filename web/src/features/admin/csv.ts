import type { ChartTable } from './chartOptions';

/** RFC 4180 CSV of a table: quotes around cells with commas, quotes or line breaks; CRLF lines. */
export function toCsv(table: ChartTable): string {
  const cell = (value: string | number) => {
    const text = String(value);
    // A leading =, +, - or @ would be read as a formula by spreadsheets.
    const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [table.head, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Lets the browser save a CSV file (with a BOM so spreadsheet apps read Chinese and Japanese right). */
export function downloadCsv(fileName: string, table: ChartTable): void {
  const blob = new Blob(['\ufeff', toCsv(table)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
