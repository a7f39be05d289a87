// The § 3b measurement as one SQL query for an embedded DuckDB (@duckdb/node-api): the second
// engine of the measurement benchmark, and the SQL a warehouse or a distributed SQL engine would be
// sent (docs/arkitektur.md). It reads the four CSV files of contracts.md directly and gives the
// rows of bench/handwritten/fokusmaal.ts, which it must equal exactly.
//
// The query, step by step:
//   spells   gaps and islands: a row starts a spell when the previous row of the person is not the
//            month before, or when it is counted (not dead) and the counted month before it in the
//            same run has another benefit (a dead month joins the spell whatever its benefit:
//            «neither count nor break»); the running sum of starts numbers the spells;
//            alive_no = the counted (non-dead) months of the spell so far, so a dead row carries
//            the number of the counted month before it.
//   events   interviews and offers joined to the person's month row (so to its spell, and to the
//            benefit at the event's date, a dead month's own);
//            the first job interview of a spell (by date, in person first) and § 91 after
//            2023-03-22 are decided there; hours as DECIMAL(18,4), exact.
// Only standard SQL beyond read_csv: window functions, FILTER on aggregates, EXTRACT, so the
// query runs on PostgreSQL, Trino or Spark SQL as it stands (docs/arkitektur.md).
//   steps    one row per counted month (person, spell, alive_no): its own events, and those of
//            the dead months after it. The window of a counted month is its 12 last counted
//            months, so its sums are «own» over ROWS 11 PRECEDING … CURRENT ROW plus «after» over
//            ROWS 11 PRECEDING … 1 PRECEDING (dead months inside the window count, those before
//            its first counted month and after the current month do not).
//   result   counted per kommune and month, with a zero row for every kommune-month with a row.

import { join } from "node:path";
import type { MeasuredRow } from "../handwritten/fokusmaal.js";

const q = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * The SQL of the measurement over the CSV files in `dir`, or, with `{ tables: true }`, over tables
 * of the same names and columns where the data already lives (ydelsesmaaneder, samtaler, tilbud,
 * timer; maaned as text YYYY-MM, dato a DATE, timer an exact decimal).
 */
export function fokusmaalSql(dir: string, opts: { tables?: boolean } = {}): string {
  const csv = (name: string, columns: string) =>
    opts.tables ? name.replace(/\.csv$/, "") : `read_csv(${q(join(dir, name))}, header = true, delim = ',', quote = '', columns = {${columns}})`;
  return `
WITH
maaneder AS (
  SELECT person, kommune, CAST(substr(maaned, 1, 4) AS INTEGER) * 12 + CAST(substr(maaned, 6, 2) AS INTEGER) - 1 AS mi,
         ydelse, fritaget, doed
  FROM ${csv("ydelsesmaaneder.csv", "'person': 'VARCHAR', 'kommune': 'INTEGER', 'maaned': 'VARCHAR', 'ydelse': 'VARCHAR', 'fritaget': 'INTEGER', 'doed': 'INTEGER'")}
),
gaps AS (
  SELECT *, CASE WHEN lag(mi) OVER (PARTITION BY person ORDER BY mi) = mi - 1 THEN 0 ELSE 1 END AS gap
  FROM maaneder
),
runs AS (
  SELECT *, sum(gap) OVER (PARTITION BY person ORDER BY mi ROWS UNBOUNDED PRECEDING) AS run
  FROM gaps
),
changes AS (
  SELECT person, mi, CASE WHEN lag(ydelse) OVER (PARTITION BY person, run ORDER BY mi) <> ydelse THEN 1 ELSE 0 END AS change
  FROM runs WHERE doed = 0
),
starts AS (
  SELECT r.*, CASE WHEN r.gap = 1 OR c.change = 1 THEN 1 ELSE 0 END AS new_spell
  FROM runs r LEFT JOIN changes c ON c.person = r.person AND c.mi = r.mi
),
spells AS (
  SELECT person, kommune, mi, ydelse, fritaget, doed,
         sum(new_spell) OVER (PARTITION BY person ORDER BY mi ROWS UNBOUNDED PRECEDING) AS spell
  FROM starts
),
numbered AS (
  SELECT *, sum(1 - doed) OVER (PARTITION BY person, spell ORDER BY mi ROWS UNBOUNDED PRECEDING) AS alive_no
  FROM spells
),
samtaler_maaned AS (
  SELECT person, dato, art, form, extract(year FROM dato) * 12 + extract(month FROM dato) - 1 AS mi
  FROM ${csv("samtaler.csv", "'person': 'VARCHAR', 'dato': 'DATE', 'art': 'VARCHAR', 'form': 'VARCHAR'")}
),
samtaler_i_forloeb AS (
  SELECT s.person, s.mi, s.dato, s.art, s.form, n.spell,
         CASE WHEN s.art = 'jobsamtale'
              THEN row_number() OVER (PARTITION BY s.person, n.spell, s.art
                                      ORDER BY s.dato, CASE s.form WHEN 'personligt' THEN 0 WHEN 'telefon' THEN 1 ELSE 2 END)
         END AS jobsamtale_nr
  FROM samtaler_maaned s JOIN numbered n ON n.person = s.person AND n.mi = s.mi
),
samtaler_pr_maaned AS (
  SELECT person, mi, count(*) AS n
  FROM samtaler_i_forloeb
  WHERE NOT (art = 'jobsamtale' AND jobsamtale_nr = 1 AND dato >= DATE '2023-03-22' AND form <> 'personligt')
  GROUP BY person, mi
),
tilbud_pr_maaned AS (
  SELECT t.person, n.mi, count(*) AS n
  FROM ${csv("tilbud.csv", "'person': 'VARCHAR', 'dato': 'DATE', 'art': 'VARCHAR'")} t
  JOIN numbered n ON n.person = t.person AND n.mi = extract(year FROM t.dato) * 12 + extract(month FROM t.dato) - 1
  WHERE t.art <> 'oevrig_vejledning_91' OR t.dato < DATE '2023-03-22' OR n.ydelse IN ('uddannelseshjaelp', 'overgangsydelse')
  GROUP BY t.person, n.mi
),
timer_pr_maaned AS (
  SELECT person, max(CAST(substr(maaned, 1, 4) AS INTEGER) * 12 + CAST(substr(maaned, 6, 2) AS INTEGER) - 1) AS mi, sum(timer) AS timer
  FROM ${csv("timer.csv", "'person': 'VARCHAR', 'maaned': 'VARCHAR', 'timer': 'DECIMAL(18,4)'")}
  GROUP BY person, maaned
),
steps AS (
  SELECT n.person, n.spell, n.alive_no,
         max(n.kommune) FILTER (WHERE n.doed = 0) AS kommune,
         max(n.mi) FILTER (WHERE n.doed = 0) AS mi,
         max(n.fritaget) FILTER (WHERE n.doed = 0) AS fritaget,
         coalesce(sum(s.n) FILTER (WHERE n.doed = 0), 0) AS samtaler_egen,
         coalesce(sum(s.n) FILTER (WHERE n.doed = 1), 0) AS samtaler_efter,
         coalesce(sum(t.n) FILTER (WHERE n.doed = 0), 0) AS tilbud_egen,
         coalesce(sum(t.n) FILTER (WHERE n.doed = 1), 0) AS tilbud_efter,
         coalesce(sum(h.timer) FILTER (WHERE n.doed = 0), 0) AS timer_egen,
         coalesce(sum(h.timer) FILTER (WHERE n.doed = 1), 0) AS timer_efter
  FROM numbered n
  LEFT JOIN samtaler_pr_maaned s ON s.person = n.person AND s.mi = n.mi
  LEFT JOIN tilbud_pr_maaned t ON t.person = n.person AND t.mi = n.mi
  LEFT JOIN timer_pr_maaned h ON h.person = n.person AND h.mi = n.mi
  WHERE n.alive_no >= 1
  GROUP BY n.person, n.spell, n.alive_no
),
vinduer AS (
  SELECT kommune, mi, alive_no,
         sum(fritaget) OVER forloeb AS fritaget_hidtil,
         sum(samtaler_egen) OVER vindue + coalesce(sum(samtaler_efter) OVER foer, 0) AS samtaler,
         sum(tilbud_egen) OVER vindue + coalesce(sum(tilbud_efter) OVER foer, 0) AS tilbud,
         sum(timer_egen) OVER vindue + coalesce(sum(timer_efter) OVER foer, 0) AS timer
  FROM steps
  WINDOW forloeb AS (PARTITION BY person, spell ORDER BY alive_no ROWS UNBOUNDED PRECEDING),
         vindue AS (PARTITION BY person, spell ORDER BY alive_no ROWS BETWEEN 11 PRECEDING AND CURRENT ROW),
         foer AS (PARTITION BY person, spell ORDER BY alive_no ROWS BETWEEN 11 PRECEDING AND 1 PRECEDING)
),
maalgruppe AS (
  SELECT kommune, mi, count(*) AS maalgruppe,
         count(*) FILTER (WHERE tilbud = 0 AND timer < 100) AS uden_tilbud,
         count(*) FILTER (WHERE samtaler < 4) AS under_4_samtaler
  FROM vinduer
  WHERE alive_no >= 12 AND fritaget_hidtil * 2 < alive_no
  GROUP BY kommune, mi
),
celler AS (SELECT DISTINCT kommune, mi FROM maaneder)
SELECT c.kommune, c.mi,
       coalesce(m.maalgruppe, 0) AS maalgruppe,
       coalesce(m.uden_tilbud, 0) AS uden_tilbud,
       coalesce(m.under_4_samtaler, 0) AS under_4_samtaler
FROM celler c LEFT JOIN maalgruppe m USING (kommune, mi)
ORDER BY c.kommune, c.mi
`;
}

export interface DuckDbOptions {
  threads?: number;
  memoryLimit?: string;
  tempDirectory?: string;
  /** Called with DuckDB's query progress in percent (−1 when unknown). */
  progress?: (percent: number) => void;
}

/** Runs the measurement in an in-memory DuckDB. */
export async function measureDuckDb(dir: string, opts: DuckDbOptions = {}): Promise<MeasuredRow[]> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const config: Record<string, string> = {};
  if (opts.threads) config.threads = String(opts.threads);
  if (opts.memoryLimit) config.memory_limit = opts.memoryLimit;
  if (opts.tempDirectory) config.temp_directory = opts.tempDirectory;
  const instance = await DuckDBInstance.create(":memory:", config);
  const connection = await instance.connect();
  try {
    // DuckDB tracks a query's progress only with the progress bar on; printing it stays off.
    if (opts.progress) await connection.run("SET enable_progress_bar = true; SET enable_progress_bar_print = false");
    const pending = await connection.start(fokusmaalSql(dir));
    let timer: ReturnType<typeof setInterval> | undefined;
    if (opts.progress) timer = setInterval(() => opts.progress!(connection.progress.percentage), 1000);
    try {
      const result = await pending.getResult();
      const reader = await result.getRows();
      return reader.map((r) => ({
        kommune: Number(r[0]),
        month: Number(r[1]),
        maalgruppe: Number(r[2]),
        uden_tilbud: Number(r[3]),
        under_4_samtaler: Number(r[4]),
      }));
    } finally {
      if (timer) clearInterval(timer);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
