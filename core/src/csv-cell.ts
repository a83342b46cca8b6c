/**
 * One CSV cell, quoted. Scraped text is hostile: a cell starting with = + - @ (or a tab or CR)
 * would run as a formula in a spreadsheet (or Maltego's table preview), so it gets an apostrophe
 * in front (OWASP's advice). One exception: an E.164 phone number ("+17025550134"), the form every
 * phone takes in Indicia. A spreadsheet reads it as a number at worst, and an apostrophe would make
 * it a different value for tools that import the file (Maltego).
 */
export function csvCell(value: string): string {
  const neutralised = /^[=+\-@\t\r]/.test(value) && !/^\+\d{6,15}$/.test(value) ? `'${value}` : value;
  return `"${neutralised.replace(/"/g, '""')}"`;
}

export function csvRow(values: readonly string[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
