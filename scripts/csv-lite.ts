// Minimal CSV helpers for the sample data: the generator writes no quoted cells (no value
// contains a comma, quote or newline), so reading back is a plain split.

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = [header.join(",")];
  for (const row of rows) lines.push(row.map((c) => (c === null ? "" : String(c))).join(","));
  return lines.join("\n") + "\n";
}

export interface CsvTable {
  header: string[];
  rows: Record<string, string>[];
}

export function parseCsv(text: string): CsvTable {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const header = (lines[0] ?? "").split(",");
  const rows = lines.slice(1).map((line) => {
    const cells = line.split(",");
    const row: Record<string, string> = {};
    header.forEach((h, i) => {
      row[h] = cells[i] ?? "";
    });
    return row;
  });
  return { header, rows };
}

/** "2019-01" … "2025-12" (inclusive). */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (y * 12 + m <= end) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Month plus n months, "YYYY-MM". */
export function addMonths(month: string, n: number): string {
  const idx = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  const y = Math.floor(idx / 12);
  const m = (idx % 12) + 1;
  return `${y}-${String(m).padStart(2, "0")}`;
}
