// fast-check arbitraries for well-typed policies and data that fit them, for comparing the
// interpreter with the compiled criteria kernel (generated.test.ts).
//
// Policies: monthly (sometimes half-yearly) assessment of one data source, per kommune, per group
// or all groups under one; measures that are shares of sums (some over the last 1–12 months) or
// minimum-population conditions; criteria with guards, `og`/`eller`/`ikke`, every comparison,
// `i N sammenhængende måneder`, `vurderes N måneder senere` and `gælder for data fra`; a reaction
// with the yearly maximum, re-contact, a ladder and the written account; sometimes a suspension.
// Only constructs the kernel compiles (sums, shares, literals, windows): no middel(), no decimal
// fields, no remembered values, so every generated policy must run on the kernel.
//
// Data: kommuner from data/kommuner.csv, months with gaps, blank cells, zeros, counts that put a
// share exactly on a threshold, and counts near 2^53 (products beyond the safe integer range).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";

const root = join(import.meta.dirname, "..", "..");
const KOMMUNER = readFileSync(join(root, "data/kommuner.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(",")[0]!);

const FIELDS = ["n", "a", "b", "c"] as const;
/** A second data source, per kommune and month only, always summed. */
const FIELDS_E = ["x", "y"] as const;
const GROUPS = ["dagpenge", "sygedagpenge"];
/** Thresholds as percent (text as written) and their exact value as a fraction of 1. */
const PERCENTS: { text: string; num: number; den: number }[] = [
  { text: "0", num: 0, den: 1 },
  { text: "10", num: 1, den: 10 },
  { text: "12,5", num: 1, den: 8 },
  { text: "20", num: 1, den: 5 },
  { text: "20,5", num: 41, den: 200 },
  { text: "25", num: 1, den: 4 },
  { text: "33,333", num: 33333, den: 100000 },
  { text: "50", num: 1, den: 2 },
  { text: "100", num: 1, den: 1 },
];
const COUNTS = [0, 1, 9, 10, 11, 20, 40, 41, 100, 2 ** 53 - 1];
const BIG = 2 ** 53 - 1;

export interface Generated {
  grouping: "ingen" | "pr" | "samlet";
  cadence: "månedlig" | "halvårlig";
  policy: string;
  csv: string;
  /** The second data source, e. */
  csvE: string;
}

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const maybe = <T>(arb: fc.Arbitrary<T>, freq = 2) => fc.option(arb, { nil: undefined, freq });
const paren = (s: string) => `(${s})`;

interface Ctx {
  /** A field may be written bare (one row per cell, and not inside a window). */
  bare: boolean;
  monthly: boolean;
  shareMeasures: string[];
  boolMeasures: string[];
}

/** A window: the last 1–12 months, or the assessment period itself, written out. */
const windowSuffix = (ctx: Ctx) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 12 }).map((k) => ` over de seneste ${k} ${k === 1 ? "måned" : "måneder"}`) },
    { weight: 1, arbitrary: fc.constant(ctx.monthly ? " over måneden" : " over halvåret") },
  );

function fieldRef(ctx: Ctx): fc.Arbitrary<string> {
  const summed = fc.oneof(
    { weight: 4, arbitrary: pick(FIELDS).map((f) => `sum(${f})`) },
    { weight: 1, arbitrary: fc.tuple(pick(FIELDS), pick(FIELDS)).map(([f, g]) => `sum(${f} hvor ${g} er målt)`) },
    { weight: 1, arbitrary: fc.tuple(pick(FIELDS), pick(["+", "-"]), pick(FIELDS)).map(([f, op, g]) => `sum(${f} ${op} ${g})`) },
    { weight: 1, arbitrary: pick(FIELDS).map((f) => `sum(${f} * 2)`) },
    { weight: 1, arbitrary: pick(FIELDS_E).map((f) => `sum(${f})`) },
  );
  return ctx.bare ? fc.oneof(summed, pick(FIELDS)) : summed;
}

function count(ctx: Ctx, depth: number): fc.Arbitrary<string> {
  const leaf = fieldRef(ctx);
  if (depth <= 0) return leaf;
  const inner = { ...ctx, bare: false };
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 2, arbitrary: fc.tuple(count(inner, 0), windowSuffix(ctx)).map(([c, w]) => paren(c + w)) },
    { weight: 1, arbitrary: fc.tuple(count(ctx, depth - 1), pick(["+", "-"]), count(ctx, depth - 1)).map(([x, op, y]) => paren(`${x} ${op} ${y}`)) },
  );
}

function share(ctx: Ctx, depth: number): fc.Arbitrary<string> {
  const ratio = fc.tuple(count(ctx, depth - 1), count(ctx, depth - 1)).map(([x, y]) => `${x} / ${y}`);
  const options: fc.WeightedArbitrary<string>[] = [{ weight: 5, arbitrary: ratio.map(paren) }];
  if (ctx.shareMeasures.length) options.push({ weight: 3, arbitrary: pick(ctx.shareMeasures) });
  if (depth > 0) {
    const inner = { ...ctx, bare: false };
    options.push(
      { weight: 2, arbitrary: fc.tuple(share(inner, depth - 1), windowSuffix(ctx)).map(([s, w]) => paren(s + w)) },
      { weight: 1, arbitrary: fc.tuple(share(ctx, depth - 1), share(ctx, depth - 1)).map(([x, y]) => paren(`${x} - ${y}`)) },
      { weight: 1, arbitrary: fc.tuple(share(ctx, depth - 1), pick(["* 2", "/ 2"])).map(([x, op]) => paren(`${x} ${op}`)) },
      { weight: 1, arbitrary: share(ctx, depth - 1).map((x) => paren(`-${x}`)) },
    );
  }
  return fc.oneof(...options);
}

const COMPARE = ["over", "mindst", "under", "højst", "lig med", ">", ">=", "<", "<=", "="];

function comparison(ctx: Ctx, depth: number): fc.Arbitrary<string> {
  const op = pick(COMPARE);
  return fc.oneof(
    { weight: 5, arbitrary: fc.tuple(share(ctx, depth), op, pick(PERCENTS)).map(([s, o, p]) => `${s} ${o} ${p.text} %`) },
    { weight: 3, arbitrary: fc.tuple(count(ctx, depth), op, pick(COUNTS)).map(([c, o, n]) => `${c} ${o} ${n}`) },
    { weight: 1, arbitrary: fc.tuple(share(ctx, depth), op, share(ctx, depth)).map(([x, o, y]) => `${x} ${o} ${y}`) },
    { weight: 1, arbitrary: fc.tuple(count(ctx, depth), op, count(ctx, depth)).map(([x, o, y]) => `${x} ${o} ${y}`) },
  );
}

function condition(ctx: Ctx, depth: number): fc.Arbitrary<string> {
  const options: fc.WeightedArbitrary<string>[] = [{ weight: 4, arbitrary: comparison(ctx, Math.min(depth, 1)) }];
  if (ctx.boolMeasures.length) options.push({ weight: 1, arbitrary: pick(ctx.boolMeasures) });
  if (depth > 0) {
    options.push(
      { weight: 2, arbitrary: fc.tuple(condition(ctx, depth - 1), pick(["og", "eller"]), condition(ctx, depth - 1)).map(([x, op, y]) => `${paren(x)} ${op} ${paren(y)}`) },
      { weight: 1, arbitrary: condition(ctx, depth - 1).map((x) => `ikke ${paren(x)}`) },
    );
  }
  return fc.oneof(...options);
}

const months = (n: number) => `${n} ${n === 1 ? "måned" : "måneder"}`;

const policyArb = fc
  .record({
    grouping: fc.constantFrom<Generated["grouping"]>("ingen", "ingen", "pr", "samlet"),
    cadence: fc.constantFrom<Generated["cadence"]>("månedlig", "månedlig", "månedlig", "halvårlig"),
    lag: fc.integer({ min: 1, max: 3 }),
    followUp: fc.integer({ min: 0, max: 1 }),
    inForceFrom: maybe(fc.integer({ min: 1, max: 9 }), 4),
  })
  .chain((base) => {
    const monthly = base.cadence === "månedlig";
    const bare = monthly && base.grouping !== "samlet";
    const measureCtx: Ctx = { bare: false, monthly, shareMeasures: [], boolMeasures: [] };
    return fc
      .record({
        // m1 may build on m0, and the condition measure on both.
        shares: fc
          .tuple(maybe(share(measureCtx, 1), 3), share({ ...measureCtx, shareMeasures: ["m0"] }, 1))
          .chain(([m0, m1]) => (m0 === undefined ? fc.constant<string[]>([]) : fc.constantFrom<string[]>([m0], [m0, m1]))),
        bools: fc.array(condition({ ...measureCtx, shareMeasures: ["m0"] }, 1), { minLength: 0, maxLength: 1 }),
      })
      .map(({ shares, bools }) => ({
        shares,
        bools: shares.length ? bools : bools.filter((b) => !/\bm0\b/.test(b)),
      }))
      .chain(({ shares, bools }) => {
        const ctx: Ctx = { bare, monthly, shareMeasures: shares.map((_, i) => `m${i}`), boolMeasures: bools.map((_, i) => `p${i}`) };
        const criterion = fc.record({
          guard: maybe(condition(ctx, 1), 1),
          when: condition(ctx, 2),
          streak: monthly ? maybe(fc.integer({ min: 1, max: 4 }), 1) : fc.constant(undefined),
          delay: maybe(fc.integer({ min: 1, max: 3 }), 4),
          dataFrom: maybe(fc.integer({ min: 1, max: 6 }), 4),
          dataTo: maybe(fc.integer({ min: 6, max: 12 }), 6),
        });
        return fc.record({
          base: fc.constant(base),
          shares: fc.constant(shares),
          bools: fc.constant(bools),
          criteria: fc.array(criterion, { minLength: 1, maxLength: 3 }),
          maxPerYear: maybe(fc.integer({ min: 1, max: 3 })),
          recontact: fc.boolean(),
          ladder: fc.boolean(),
          account: maybe(fc.integer({ min: 1, max: 6 })),
          suspension: maybe(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 4 }))),
          // A yearly review, and a state machine with a remembered share and deadlines (these are
          // not in the kernel: the generated module's compiled functions decide them).
          review: maybe(fc.tuple(pick(FIELDS), pick(COMPARE), pick(COUNTS)).map(([f, op, n]) => `middel(sum(${f})) over året ${op} ${n}`), 2),
          machine: maybe(
            fc.record({
              enter: condition(ctx, 1),
              remember: share(ctx, 1),
              leave: fc.oneof(
                condition(ctx, 1),
                fc.tuple(share(ctx, 0), pick(PERCENTS)).map(([s, p]) => `u - ${s} mindst (u - ${p.text} %) / 2`),
              ),
            }),
            2,
          ),
        });
      });
  })
  .map((p) => {
    const { base } = p;
    const lines: string[] = [];
    lines.push(`politik genereret "Genereret politik"`, `  kilde "Konformitetstest"`);
    if (base.inForceFrom !== undefined) lines.push(`  gælder fra 2021-${String(base.inForceFrom).padStart(2, "0")}-01`);
    lines.push(``);
    lines.push(`data d pr kommune, måned${base.grouping === "ingen" ? "" : ", ydelsesgruppe"}`);
    for (const f of FIELDS) lines.push(`  ${f}: antal`);
    lines.push(`  offentliggøres ${months(base.lag)} efter måneden`, ``);
    lines.push(`data e pr kommune, måned`, ...FIELDS_E.map((f) => `  ${f}: antal`), `  offentliggøres 2 måneder efter måneden`, ``);
    const grouping = base.grouping === "pr" ? " pr ydelsesgruppe" : base.grouping === "samlet" ? " for alle ydelsesgrupper under ét" : "";
    lines.push(`opgørelse ${base.cadence}${grouping}`);
    lines.push(base.followUp === 0 ? `  følges op ved offentliggørelse` : `  følges op ${months(base.followUp)} efter offentliggørelse`, ``);
    p.shares.forEach((s, i) => lines.push(`mål m${i} = ${s}`));
    p.bools.forEach((b, i) => lines.push(`mål p${i} = ${b}`));
    if (p.shares.length || p.bools.length) lines.push(``);
    p.criteria.forEach((c, i) => {
      lines.push(`kriterie k${i} "Kriterie ${i}"`);
      const month = (m: number) => `2021-${String(m).padStart(2, "0")}`;
      if (c.dataFrom !== undefined) lines.push(`  gælder for data fra ${month(c.dataFrom)}${c.dataTo !== undefined ? ` til ${month(c.dataTo)}` : ""}`);
      else if (c.dataTo !== undefined) lines.push(`  gælder for data til ${month(c.dataTo)}`);
      if (c.guard) lines.push(`  forudsat ${c.guard}`);
      if (c.delay !== undefined) lines.push(`  vurderes ${months(c.delay)} senere`);
      lines.push(`  når ${c.when}${c.streak !== undefined ? ` i ${months(c.streak).replace("måned", "sammenhængende måned")}` : ""}`, ``);
    });
    if (p.suspension) {
      const [from, length] = p.suspension;
      const to = Math.min(12, from + length);
      const last = new Date(Date.UTC(2021, to, 0)).getUTCDate();
      lines.push(`undtagelse pause "Pause"`, `  ingen henvendelser fra 2021-${String(from).padStart(2, "0")}-01 til 2021-${String(to).padStart(2, "0")}-${last}`, ``);
    }
    lines.push(`reaktion`, `  henvendelse "STAR kontakter kommunen"`);
    if (p.maxPerYear !== undefined) lines.push(`  højst ${p.maxPerYear} henvendelser pr. år`);
    if (p.recontact) lines.push(`  ny henvendelse først på data efter forrige henvendelse`);
    if (p.ladder) lines.push(`  trappe telefon, brev, møde`);
    if (p.account !== undefined) lines.push(`  redegørelse "Redegørelse" når ikke genoprettet ${months(p.account)} efter henvendelsen`);
    if (p.review !== undefined) lines.push(``, `gennemgang g "Gennemgang"`, `  årligt når ${p.review}`);
    if (p.machine) {
      lines.push(
        ``,
        `forløb`,
        `  start normal`,
        `  tilstand normal "normal"`,
        `  tilstand skærpet "skærpet"`,
        `    frist meddelelse: udgangen af april`,
        `    frist redegørelse: 3 måneder efter meddelelse`,
        `    frist varsel: 1 uge efter meddelelse`,
        `    frist slut: 9 måneder fra offentliggørelse`,
        `  overgang ind "ind" fra normal til skærpet`,
        `    når ${p.machine.enter}`,
        `    husk u = ${p.machine.remember}`,
        `  overgang ud "ud" fra skærpet til normal`,
        `    når ${p.machine.leave}`,
        `  overgang igen "igen" fra skærpet til skærpet`,
        `    ellers`,
      );
    }
    return { grouping: base.grouping, cadence: base.cadence, policy: `${lines.join("\n")}\n` };
  });

/** One cell's count: zero, a small count, a share exactly on (or next to) a threshold, or near 2^53. */
const cellArb = (population: number) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant("") },
    { weight: 4, arbitrary: pick(COUNTS).map(String) },
    {
      weight: 10,
      arbitrary: fc.tuple(pick(PERCENTS), fc.integer({ min: -1, max: 1 })).map(([p, d]) => {
        const exact = Math.floor((population * p.num) / p.den);
        return String(Math.max(0, Math.min(BIG, exact + d)));
      }),
    },
    { weight: 1, arbitrary: fc.integer({ min: BIG - 1000, max: BIG }).map(String) },
    // Totals that stay safe while their products with a threshold's denominator do not: the
    // kernels' once-per-unit range test must send these periods to the exact path.
    { weight: 1, arbitrary: fc.integer({ min: 2 ** 40, max: 2 ** 46 }).map(String) },
  );

const populationArb = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 12, arbitrary: pick([1, 8, 9, 10, 11, 20, 40, 41, 100, 200, 1000]) },
  { weight: 1, arbitrary: fc.integer({ min: BIG - 1000, max: BIG }) },
  { weight: 1, arbitrary: fc.integer({ min: 2 ** 40, max: 2 ** 46 }) },
);

/** Rows for one unit (kommune and group) over a run of months with gaps. */
const unitRows = (kommune: string, group: string | undefined, first: number, length: number, fields: number = FIELDS.length) =>
  fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 9 }), populationArb), { minLength: length, maxLength: length }).chain((months) =>
    fc
      .tuple(
        ...months.map(([, , population]) =>
          fc.tuple(
            fc.oneof({ weight: 6, arbitrary: fc.constant(String(population)) }, { weight: 1, arbitrary: fc.constant("") }),
            ...Array.from({ length: fields - 1 }, () => cellArb(population)),
          ),
        ),
      )
      .map((cells) =>
        cells.flatMap((row, i) => {
          const [, gap] = months[i]!;
          if (gap === 0) return []; // a missing month
          const m = first + i;
          const month = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
          return [[kommune, month, ...(group ? [group] : []), ...row].join(",")];
        }),
      ),
  );

const dataArb = (grouping: Generated["grouping"]) =>
  fc
    .record({
      kommuner: fc.uniqueArray(pick(KOMMUNER), { minLength: 1, maxLength: 3 }),
      first: fc.integer({ min: 2020 * 12 + 9, max: 2021 * 12 + 2 }),
      length: fc.integer({ min: 1, max: 15 }),
    })
    .chain(({ kommuner, first, length }) => {
      type Unit = [kommune: string, group: string | undefined];
      const units = kommuner.flatMap((k): Unit[] => (grouping === "ingen" ? [[k, undefined]] : GROUPS.map((g): Unit => [k, g])));
      const csv = fc.tuple(...units.map(([k, g]) => unitRows(k, g, first, length))).map((rows) => {
        const header = ["kommune", "maaned", ...(grouping === "ingen" ? [] : ["ydelsesgruppe"]), ...FIELDS].join(",");
        return `${[header, ...rows.flat()].join("\n")}\n`;
      });
      // e covers some of the kommuner (or none), from a month that may differ by up to 3.
      const csvE = fc
        .tuple(fc.subarray(kommuner), fc.integer({ min: -3, max: 3 }))
        .chain(([ks, shift]) => fc.tuple(...ks.map((k) => unitRows(k, undefined, first + shift, length, FIELDS_E.length))))
        .map((rows) => `${[["kommune", "maaned", ...FIELDS_E].join(","), ...rows.flat()].join("\n")}\n`);
      return fc.tuple(csv, csvE);
    });

export const generatedArb: fc.Arbitrary<Generated> = policyArb.chain((p) => dataArb(p.grouping).map(([csv, csvE]) => ({ ...p, csv, csvE })));
