/**
 * One CSV cell, quoted. Scraped text is hostile: a cell starting with = + - @ (or a tab or CR)
 * would run as a formula in a spreadsheet, so it is prefixed with an apostrophe (OWASP's advice).
 */
export function csvCell(value: string): string {
  const neutralised = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${neutralised.replace(/"/g, '""')}"`;
}

export function csvRow(values: string[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
