// A policy as a readable Danish publication: one self-contained HTML page per policy file, for
// colleagues and the public (`tilsyn doc`), and the changes between two versions in prose
// (`tilsyn doc --forskel`).
//
// The sentences are built from the plan with the same pieces that write event explanations
// (termOf for how a value is named, compareWords for the comparison, describeCalendar for a
// deadline), so a document and an explanation cannot name a rule differently. Each rule is
// followed by its own line from the policy file and its source.
//
// Pure: no Node API. The CLI writes the files and prints PDFs.

import type { PolicyFile, Span } from "../grammar/ast.js";
import { MONTH_NAMES } from "../grammar/index.js";
import { formatMonth } from "../runtime/calendar.js";
import { describeCalendar, termOf } from "../runtime/engine.js";
import type { PExpr, Plan, PlanCriterion, PlanMeasure } from "../runtime/plan.js";
import { compareWords } from "../runtime/values.js";
import { windowKind } from "../runtime/windows.js";
import type { CheckedPolicy } from "./index.js";
import { measurementSections } from "./measure-document.js";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** A policy name in a table, which may break after each `_` (on a phone `fortsat_uden_jobsoegning` would otherwise push the description off screen). */
const tableName = (s: string): string => esc(s).replaceAll("_", "_<wbr>");

/** `2024-03-01` → `1. marts 2024`. */
export function danishDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d}. ${MONTH_NAMES[(m ?? 1) - 1]} ${y}`;
}

/** A month index → `marts 2022`. */
const danishMonth = (m: number): string => {
  const [y, mm] = formatMonth(m).split("-").map(Number);
  return `${MONTH_NAMES[(mm ?? 1) - 1]} ${y}`;
};

const PERIOD_WORD = { månedlig: "en måned", halvårlig: "et halvår", årlig: "et år" } as const;
const CADENCE_ADVERB = { månedlig: "hver måned", halvårlig: "hvert halve år", årlig: "hvert år" } as const;

/** A condition as a Danish phrase, without numbers: how a document states a rule. */
export function conditionText(e: PExpr, measures: ReadonlyMap<string, PlanMeasure>): string {
  const side = (x: PExpr): string => (x.k === "lit" ? x.text : termOf(x, measures));
  switch (e.k) {
    case "cmp":
      return `${side(e.left)} er ${compareWords[e.op]} ${side(e.right)}`;
    case "and":
      return `${conditionText(e.left, measures)}, og ${conditionText(e.right, measures)}`;
    case "or":
      return `${conditionText(e.left, measures)}, eller ${conditionText(e.right, measures)}`;
    case "not":
      if (e.operand.k === "measure") return `«${measures.get(e.operand.name)!.label}» ikke er opfyldt`;
      if (e.operand.k === "cmp") return `${side(e.operand.left)} ikke er ${compareWords[e.operand.op]} ${side(e.operand.right)}`;
      return `det ikke gælder, at ${conditionText(e.operand, measures)}`;
    case "measure":
      return `«${measures.get(e.name)!.label}» er opfyldt`;
    default:
      return termOf(e, measures);
  }
}

/** How a value is computed, in words: "gennemsnittet af uden_tilbud delt med maalgruppe over de seneste 12 måneder". */
export function computationText(e: PExpr, measures: ReadonlyMap<string, PlanMeasure>): string {
  const v = (x: PExpr): string => computationText(x, measures);
  switch (e.k) {
    case "arith": {
      const op = { "+": "plus", "-": "minus", "*": "ganget med", "/": "delt med" }[e.op];
      const wrap = (x: PExpr) => (x.k === "arith" && x.op !== e.op ? `(${v(x)})` : v(x));
      return `${wrap(e.left)} ${op} ${wrap(e.right)}`;
    }
    case "sum":
      return e.bare ? termOf(e, measures) : `summen af ${termOf({ ...e, bare: true }, measures)}${e.filter ? ` i de rækker, hvor ${e.filter} er målt` : ""}`;
    case "mean":
      return `gennemsnittet af ${v(e.operand)}`;
    case "window":
      return `${v(e.operand)} ${windowKind(e.window).text(e.window)}`;
    case "neg":
      return `minus ${v(e.operand)}`;
    case "measure":
      return `«${measures.get(e.name)!.label}»`;
    default:
      return termOf(e, measures);
  }
}

/** The text of a span in the policy (one declaration line, a clause). */
const slice = (text: string, span: Span): string => text.slice(span.start.offset, span.end.offset);

/** The first line of a declaration, as written: the rule as the policy file states it. */
function firstLines(text: string, span: Span, lines = 1): string {
  return slice(text, span).split("\n").slice(0, lines).join("\n");
}

/** The policy author's comments inside a declaration, as notes: consecutive lines are one note. */
function notes(ast: PolicyFile, span: Span): string {
  const inside = ast.comments.filter((c) => c.span.start.offset > span.start.offset && c.span.end.offset <= span.end.offset);
  const groups: string[][] = [];
  let lastLine = -2;
  for (const c of inside) {
    if (c.span.start.line !== lastLine + 1 || groups.length === 0 || c.text.trim().startsWith("§")) groups.push([]);
    groups[groups.length - 1]!.push(c.text.trim());
    lastLine = c.span.start.line;
  }
  return groups.map((g) => `<p class="note">${esc(g.join(" "))}</p>`).join("");
}

function source(s: string | undefined): string {
  return s ? `<p class="kilde">Kilde: ${esc(s)}</p>` : "";
}

function code(s: string): string {
  return `<pre class="linje"><code>${esc(s)}</code></pre>`;
}

/** The unit of assessment: "en kommune", "en kommune og ydelsesgruppe". */
function unitPhrase(plan: Plan): string {
  const a = plan.assessment;
  if (a?.grouping === "pr" && a.groupColumn) return `en kommune og ${a.groupColumn}`;
  return "en kommune";
}

function criterionSentence(plan: Plan, c: PlanCriterion, measures: ReadonlyMap<string, PlanMeasure>): string {
  const period = plan.assessment ? PERIOD_WORD[plan.assessment.cadence] : "en periode";
  const streak = c.streak ? ` i ${c.streak} sammenhængende måneder` : "";
  const parts = [`Kriteriet er opfyldt for ${unitPhrase(plan)} i ${period}, når ${conditionText(c.when, measures)}${streak}.`];
  if (c.guard) parts.push(`Det gælder kun, når ${conditionText(c.guard, measures)} (minimumspopulation).`);
  if (c.delayMonths) parts.push(`Kriteriet vurderes på data ${c.delayMonths} ${c.delayMonths === 1 ? "måned" : "måneder"} senere.`);
  if (c.dataFrom !== undefined && c.dataTo !== undefined) parts.push(`Det gælder for data fra ${danishMonth(c.dataFrom)} til og med ${danishMonth(c.dataTo)}.`);
  else if (c.dataFrom !== undefined) parts.push(`Det gælder for data fra ${danishMonth(c.dataFrom)}.`);
  else if (c.dataTo !== undefined) parts.push(`Det gælder for data til og med ${danishMonth(c.dataTo)}.`);
  return parts.join(" ");
}

function validity(plan: Plan): string {
  const { from, to } = plan.inForce;
  if (from && to) return `Reglerne gælder for handlinger fra ${danishDate(from)} til og med ${danishDate(to)}.`;
  if (from) return `Reglerne gælder for handlinger fra ${danishDate(from)}.`;
  if (to) return `Reglerne gælder for handlinger til og med ${danishDate(to)}.`;
  return "Reglerne har ingen begrænset gyldighedsperiode.";
}

function publicationText(p: { lagMonths?: number; fixedPublication?: { month: number; day: number } }): string | undefined {
  if (p.fixedPublication) return `offentliggøres ${p.fixedPublication.day}. ${MONTH_NAMES[p.fixedPublication.month - 1]} året efter`;
  if (p.lagMonths !== undefined) return `offentliggøres ${p.lagMonths} ${p.lagMonths === 1 ? "måned" : "måneder"} efter måneden`;
  return undefined;
}

const FIELD_TYPE = { antal: "antal", andel: "andel", procent: "procent", tekst: "tekst", tal: "tal" } as const;

/** The state machine as an SVG diagram: states in a row, transitions as arrows and arcs. */
export function machineDiagram(plan: Plan): string {
  const m = plan.machine;
  if (!m) return "";
  const W = 190;
  const H = 66;
  const GAP = 130;
  const states = m.states.map((s) => s.name);
  const x = (i: number) => 20 + i * (W + GAP);
  const arcs = m.transitions.map((t) => ({ t, a: states.indexOf(t.from), b: states.indexOf(t.to) }));
  const maxSpan = Math.max(1, ...arcs.map(({ a, b }) => Math.abs(a - b)));
  const top = 40 + maxSpan * 38;
  const height = top + H + 60 + maxSpan * 38 + 20;
  const width = x(states.length - 1) + W + 20;
  const out: string[] = [];
  out.push(`<svg class="forloeb" viewBox="0 0 ${width} ${height}" role="img" aria-label="Forløbets tilstande og overgange" xmlns="http://www.w3.org/2000/svg">`);
  out.push(`<defs><marker id="pil" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#334"/></marker></defs>`);
  const mid = top + H / 2;
  /** A label in one or two lines (split at the space nearest the middle), centred on x. */
  const label = (x0: number, y0: number, words: string, cls = ""): string => {
    const t = words.replace(/_/g, " ");
    const c = cls ? ` class="${cls}"` : "";
    if (t.length <= 18) return `<text x="${x0}" y="${y0}" text-anchor="middle"${c}>${esc(t)}</text>`;
    const spaces = [...t.matchAll(/ /g)].map((m) => m.index!);
    const cut = spaces.sort((p, q) => Math.abs(p - t.length / 2) - Math.abs(q - t.length / 2))[0];
    if (cut === undefined) return `<text x="${x0}" y="${y0}" text-anchor="middle"${c}>${esc(t)}</text>`;
    return `<text x="${x0}" y="${y0 - 16}" text-anchor="middle"${c}><tspan x="${x0}">${esc(t.slice(0, cut))}</tspan><tspan x="${x0}" dy="18">${esc(t.slice(cut + 1))}</tspan></text>`;
  };
  // Forward transitions between neighbours: straight arrows; others: arcs above (forward) or below (back).
  for (const { t, a, b } of arcs) {
    if (a < 0 || b < 0) continue;
    const tip = `<title>${esc(t.title)}</title>`;
    if (a === b) {
      const cx = x(a) + W / 2;
      out.push(`<g class="overgang">${tip}<path d="M${cx - 22},${top + H} C${cx - 40},${top + H + 48} ${cx + 40},${top + H + 48} ${cx + 22},${top + H}" fill="none" stroke="#334" marker-end="url(#pil)"/>`);
      out.push(`${label(cx, top + H + 66, t.name)}</g>`);
      continue;
    }
    const span = Math.abs(a - b);
    if (b === a + 1) {
      const x1 = x(a) + W;
      const x2 = x(b);
      out.push(`<g class="overgang">${tip}<line x1="${x1}" y1="${mid}" x2="${x2 - 2}" y2="${mid}" stroke="#334" marker-end="url(#pil)"/>`);
      out.push(`${label((x1 + x2) / 2, mid - 8, t.name)}</g>`);
      continue;
    }
    const forward = b > a;
    // Arcs into the same state end side by side, the longest outermost.
    const x1 = x(a) + W / 2 + (forward ? 30 : -30);
    const x2 = x(b) + W / 2 + (forward ? -30 - (span - 2) * 24 : 30 + (span - 1) * 24);
    const y = forward ? top : top + H;
    const bend = forward ? top - 18 - span * 38 : top + H + 18 + span * 38;
    out.push(`<g class="overgang">${tip}<path d="M${x1},${y} C${x1},${bend} ${x2},${bend} ${x2},${y + (forward ? -2 : 2)}" fill="none" stroke="#334" marker-end="url(#pil)"/>`);
    const ty = forward ? top - 18 - span * 38 * 0.75 + 10 : top + H + 18 + span * 38 * 0.75 + 4;
    out.push(`${label((x1 + x2) / 2, ty, t.name)}</g>`);
  }
  m.states.forEach((s, i) => {
    const start = s.name === m.start;
    out.push(`<g class="tilstand${start ? " start" : ""}" data-tilstand="${esc(s.name)}"><rect x="${x(i)}" y="${top}" width="${W}" height="${H}" rx="10"/>`);
    out.push(label(x(i) + W / 2, mid - 4, s.name, "navn"));
    const deadlines = s.deadlines.length ? `${s.deadlines.length} ${s.deadlines.length === 1 ? "frist" : "frister"}` : start ? "start" : "";
    out.push(`<text x="${x(i) + W / 2}" y="${mid + 22}" text-anchor="middle" class="lille">${esc(deadlines)}</text></g>`);
  });
  out.push("</svg>");
  return `<div class="diagram">${out.join("\n")}</div>`;
}

const STYLE = `
:root { color-scheme: light; --tekst: #1d2330; --svag: #5b6475; --linje: #d8dce4; --accent: #0b5cad; }
* { box-sizing: border-box; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--tekst); margin: 0; background: #fff; }
main { max-width: 58rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: clamp(1.4rem, 5.5vw, 1.9rem); line-height: 1.2; margin: 0 0 .4rem; overflow-wrap: break-word; hyphens: auto; }
h2, h3, p, li { overflow-wrap: break-word; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-top: .6rem; border-top: 1px solid var(--linje); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .3rem; }
p { margin: .35rem 0; }
.meta { color: var(--svag); }
.kilde { color: var(--svag); font-size: .92rem; }
.kilde::before { content: "§ "; color: var(--accent); }
pre.linje { background: #f4f6f9; border-left: 3px solid var(--accent); padding: .45rem .7rem; margin: .4rem 0; overflow-x: auto; font-size: .88rem; white-space: pre-wrap; word-break: break-word; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .92rem; display: block; overflow-x: auto; max-width: 100%; }
th, td { border: 1px solid var(--linje); padding: .3rem .55rem; text-align: left; vertical-align: top; }
th { background: #f4f6f9; font-weight: 600; }
ol.trappe { padding-left: 1.4rem; }
.diagram { overflow-x: auto; }
svg.forloeb { width: 100%; min-width: 46rem; height: auto; margin: .6rem 0; }
svg.forloeb rect { fill: #eef4fb; stroke: var(--accent); stroke-width: 1.5; }
svg.forloeb .start rect { fill: #e5f3ea; stroke: #2f7d4a; }
svg.forloeb text { font: 17px system-ui, sans-serif; fill: var(--tekst); }
svg.forloeb text.navn { font-weight: 600; font-size: 18px; }
svg.forloeb text.lille { fill: var(--svag); font-size: 15px; }
.note { border-left: 3px solid #c9a227; background: #fbf7e9; padding: .35rem .7rem; font-size: .95rem; }
.note::before { content: "Bemærkning: "; font-weight: 600; }
.forventer { margin: .2rem 0 .8rem; padding-left: 1.2rem; }
.indhold { columns: 2 14rem; font-size: .95rem; }
footer { margin-top: 3rem; color: var(--svag); font-size: .85rem; }
@media (max-width: 40rem) { table { font-size: .84rem; } th, td { padding: .25rem .35rem; } td { overflow-wrap: anywhere; hyphens: auto; } td code { overflow-wrap: normal; } }
@media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; } section.regel, table, svg { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** One policy as a Danish HTML page. `checked` must have a plan (no errors). */
export function policyDocument(checked: CheckedPolicy): string {
  const plan = checked.plan!;
  const ast: PolicyFile = checked.ast;
  const text = checked.text;
  const measures = new Map(plan.measures.map((m) => [m.name, m]));
  const out: string[] = [];
  out.push(`<h1>${esc(plan.title)}</h1>`);
  out.push(`<p class="meta">Politik <code>${esc(plan.name)}</code> i <code>${esc(plan.file)}</code>. ${esc(validity(plan))}</p>`);
  out.push(source(plan.source));
  const sections: [string, string][] = [];
  const section = (id: string, title: string, html: string) => {
    sections.push([id, title]);
    out.push(`<section id="${id}"><h2>${esc(title)}</h2>${html}</section>`);
  };

  // Data
  const dataHtml = ast.declarations
    .filter((d) => d.kind === "DataDecl")
    .map((d) => {
      const p = plan.data.find((x) => x.name === d.name.text)!;
      const keys = ["kommune", p.grain, ...(p.group ? [p.group] : [])].join(", ");
      const pub = publicationText(p);
      const rows = d.fields
        .map((f) => `<tr><td><code>${tableName(f.name.text)}</code></td><td>${FIELD_TYPE[f.type.value]}${f.subsetOf ? ` af <code>${tableName(f.subsetOf.text)}</code>` : ""}</td><td>${esc(f.description?.value ?? "")}</td></tr>`)
        .join("");
      return `<h3>${esc(d.name.text)}</h3><p>Filen <code>${esc(d.name.text)}.csv</code> har én række pr. ${esc(keys)}${pub ? ` og ${esc(pub)}` : ""}.</p><table><thead><tr><th>Felt</th><th>Type</th><th>Beskrivelse</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join("");
  if (dataHtml) section("data", "Data", dataHtml);
  for (const [id, title, html] of measurementSections(ast, text)) section(id, title, html);

  // Assessment
  const a = plan.assessment;
  if (a) {
    const grouping =
      a.grouping === "pr" ? `, hver ${a.groupColumn} for sig` : a.grouping === "samlet" ? `, alle ${a.groupColumn}r under ét` : "";
    const pub = publicationText(a);
    const follow =
      a.followUpMonths === 0 ? "Der følges op, når data er offentliggjort." : `Der følges op ${a.followUpMonths} ${a.followUpMonths === 1 ? "måned" : "måneder"} efter offentliggørelsen.`;
    const decl = ast.declarations.find((d) => d.kind === "AssessmentDecl");
    section(
      "opgoerelse",
      "Opgørelse",
      `<p>Kommunerne vurderes ${CADENCE_ADVERB[a.cadence]}${esc(grouping)}.${pub ? ` Data ${esc(pub)}.` : ""} ${esc(follow)}</p>${decl ? code(slice(text, decl.span)) : ""}${source(a.source)}`,
    );
  }

  // Measures
  if (plan.measures.length) {
    const items = ast.declarations
      .filter((d) => d.kind === "MeasureDecl")
      .map((d) => {
        const m = measures.get(d.name.text)!;
        const sentence =
          m.type === "sandhed"
            ? `«${esc(m.label)}» er opfyldt, når ${esc(conditionText(m.expr, measures))}.`
            : `«${esc(m.label)}» er ${m.type === "andel" ? "en andel" : m.type === "antal" ? "et antal" : "et tal"}: ${esc(computationText(m.expr, measures))}.`;
        return `<section class="regel" id="maal-${esc(m.name)}"><h3>${esc(m.label)}</h3><p>${sentence}</p>${code(firstLines(text, d.span))}${source(m.source)}</section>`;
      })
      .join("");
    section("maal", "Mål", items);
  }

  // Criteria
  if (plan.criteria.length) {
    const items = plan.criteria
      .map((c) => {
        const decl = ast.declarations.find((d) => d.kind === "CriterionDecl" && d.name.text === c.name)!;
        return `<section class="regel" id="kriterie-${esc(c.name)}" data-kriterie="${esc(c.name)}"><h3>${esc(c.title)}</h3><p>${esc(criterionSentence(plan, c, measures))}</p>${code(slice(text, decl.span).replace(/\n\s*kilde "[^"]*"/g, ""))}${notes(ast, decl.span)}${source(c.source)}</section>`;
      })
      .join("");
    section("kriterier", "Handlingskriterier", items);
  }

  // Reviews
  if (plan.reviews.length) {
    const items = plan.reviews
      .map((r) => `<section class="regel"><h3>${esc(r.title)}</h3><p>Hvert år gennemgås de kommuner, hvor ${esc(conditionText(r.when, measures))}.</p>${source(r.source)}</section>`)
      .join("");
    section("gennemgange", "Gennemgange", items);
  }

  // Suspensions
  if (plan.suspensions.length) {
    const items = plan.suspensions
      .map((s) => `<section class="regel"><h3>${esc(s.title)}</h3><p>Der sendes ingen henvendelser fra ${danishDate(s.from)} til og med ${danishDate(s.to)}.</p>${source(s.source)}</section>`)
      .join("");
    section("undtagelser", "Undtagelser", items);
  }

  // Reaction
  const r = plan.reaction;
  if (r) {
    const parts: string[] = [`<p>Når et kriterie er opfyldt: ${esc(r.contactText)}.</p>`];
    if (r.ladder?.length) {
      parts.push(`<p>Henvendelserne til samme kommune følger en trappe, ét trin pr. henvendelse:</p><ol class="trappe">${r.ladder.map((s) => `<li>${esc(s)}</li>`).join("")}</ol>`);
    }
    if (r.maxPerYear !== undefined) parts.push(`<p>Der sendes højst ${r.maxPerYear} ${r.maxPerYear === 1 ? "henvendelse" : "henvendelser"} pr. år til samme kommune.</p>`);
    if (r.recontactAfterData) parts.push(`<p>En ny henvendelse sendes først på data for en periode efter den, den forrige henvendelse byggede på.</p>`);
    if (r.account) {
      parts.push(`<p>Er indsatsen ikke genoprettet ${r.account.months} måneder efter henvendelsen: ${esc(r.account.text)}.</p>${source(r.account.source)}`);
    }
    parts.push(source(r.contactSource));
    section("reaktion", "Reaktion", parts.join(""));
  }

  // State machine
  const m = plan.machine;
  if (m) {
    const states = m.states
      .map((s) => {
        const deadlines = s.deadlines.length
          ? `<ul>${s.deadlines.map((d) => `<li>Fristen <b>${esc(d.name.replace(/_/g, " "))}</b>: ${esc(describeCalendar(d.when))}.${d.source ? ` <span class="kilde">Kilde: ${esc(d.source)}</span>` : ""}</li>`).join("")}</ul>`
          : "";
        const decl = ast.declarations.flatMap((d) => (d.kind === "MachineDecl" ? d.states : [])).find((x) => x.name.text === s.name);
        return `<h3>${esc(s.name.replace(/_/g, " "))}${s.name === m.start ? " (start)" : ""}</h3><p>${esc(s.title)}.</p>${deadlines}${decl ? notes(ast, decl.span) : ""}`;
      })
      .join("");
    const transitions = m.transitions
      .map((t) => {
        const when = t.otherwise ? "ellers (når ingen af de andre overgange fra tilstanden gælder)" : `når ${conditionText(t.when!, measures)}`;
        const remember = t.remember.length ? ` Husker ${t.remember.map((x) => `<code>${esc(x.name)}</code>`).join(" og ")}.` : "";
        return `<tr><td>${esc(t.from.replace(/_/g, " "))} → ${esc(t.to.replace(/_/g, " "))}</td><td><b>${esc(t.title)}</b>: ${esc(when)}.${remember}</td><td class="kilde">${esc(t.source)}</td></tr>`;
      })
      .join("");
    section(
      "forloeb",
      "Forløb",
      `${machineDiagram(plan)}${states}<h3>Overgange</h3><table><thead><tr><th>Fra → til</th><th>Hvornår</th><th>Kilde</th></tr></thead><tbody>${transitions}</tbody></table>`,
    );
  }

  // Examples
  const examples = ast.examples ?? [];
  if (examples.length) {
    const items = examples
      .map((e) => {
        const tables = e.tables
          .map(
            (t) =>
              `<p>Data <code>${esc(t.data.text)}</code>:</p><table><thead><tr>${t.columns.map((c) => `<th>${tableName(c.text)}</th>`).join("")}</tr></thead><tbody>${t.rows
                .map((row) => `<tr>${row.cells.map((c) => `<td>${esc(c.value)}</td>`).join("")}</tr>`)
                .join("")}</tbody></table>`,
          )
          .join("");
        const expected = (e.expectedTables ?? [])
          .map(
            (t) =>
              `<p>Forventet i <code>${esc(t.data.text)}</code>:</p><table><thead><tr>${t.columns.map((c) => `<th>${tableName(c.text)}</th>`).join("")}</tr></thead><tbody>${t.rows
                .map((row) => `<tr>${row.cells.map((c) => `<td>${esc(c.value)}</td>`).join("")}</tr>`)
                .join("")}</tbody></table>`,
          )
          .join("");
        const expectations = `<ul class="forventer">${e.expectations.map((x) => `<li><code>${esc(slice(text, x.span))}</code></li>`).join("")}</ul>${expected}`;
        return `<section class="regel"><h3>${esc(e.title.value)}</h3>${source(e.source?.value)}${tables}<p>Forventet udfald:</p>${expectations}</section>`;
      })
      .join("");
    section("eksempler", "Eksempler", `<p>Eksemplerne køres af <code>tilsyn test</code> og viser reglerne ved grænserne.</p>${items}`);
  }

  const toc = `<nav><p class="indhold">${sections.map(([id, title]) => `<a href="#${id}">${esc(title)}</a>`).join("<br>")}</p></nav>`;
  out.splice(3, 0, toc);
  out.push(`<footer>Skrevet af tilsyn ud fra <code>${esc(plan.file)}</code>. Sætningerne er dannet af de samme dele, som skriver forklaringerne i hændelserne.</footer>`);
  return page(plan.title, out.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Changes between two versions, in prose

const CADENCE_NAME = { månedlig: "månedlig", halvårlig: "halvårlig", årlig: "årlig" } as const;

function assessmentPhrase(plan: Plan): string {
  const a = plan.assessment;
  if (!a) return "ingen opgørelse";
  const grouping = a.grouping === "pr" ? ` pr. ${a.groupColumn}` : a.grouping === "samlet" ? ` for alle ${a.groupColumn}r under ét` : "";
  return `${CADENCE_NAME[a.cadence]}${grouping}`;
}

/** What changed from policy `a` to policy `b`, as Danish sentences. */
export function changeSentences(a: Plan, b: Plan): string[] {
  const out: string[] = [];
  const ma = new Map(a.measures.map((m) => [m.name, m]));
  const mb = new Map(b.measures.map((m) => [m.name, m]));
  if (validity(a) !== validity(b)) out.push(`Gyldigheden er ændret: før «${validity(a)}» Nu «${validity(b)}»`);
  if (assessmentPhrase(a) !== assessmentPhrase(b)) out.push(`Opgørelsen er ændret fra ${assessmentPhrase(a)} til ${assessmentPhrase(b)}.`);
  if (a.assessment && b.assessment && a.assessment.followUpMonths !== b.assessment.followUpMonths) {
    out.push(`Opfølgningen er ændret fra ${a.assessment.followUpMonths} til ${b.assessment.followUpMonths} måneder efter offentliggørelsen.`);
  }
  for (const d of b.data) {
    const old = a.data.find((x) => x.name === d.name);
    if (!old) out.push(`Data \`${d.name}\` er ny.`);
    else if (publicationText(old) !== publicationText(d)) out.push(`Data \`${d.name}\` ${publicationText(d)} (før: ${publicationText(old)}).`);
  }
  for (const d of a.data) if (!b.data.some((x) => x.name === d.name)) out.push(`Data \`${d.name}\` bruges ikke længere.`);
  const ca = new Map(a.criteria.map((c) => [c.name, c]));
  for (const c of b.criteria) {
    const old = ca.get(c.name);
    const now = criterionSentence(b, c, mb);
    if (!old) out.push(`Kriteriet «${c.title}» er nyt: ${now}`);
    else {
      const before = criterionSentence(a, old, ma);
      if (before !== now) out.push(`Kriteriet «${c.title}» er ændret. Før: ${before} Nu: ${now}`);
    }
  }
  for (const c of a.criteria) if (!b.criteria.some((x) => x.name === c.name)) out.push(`Kriteriet «${c.title}» er fjernet.`);
  const ra = a.reaction;
  const rb = b.reaction;
  if (ra && rb) {
    if (ra.contactText !== rb.contactText) out.push(`Henvendelsen er ændret fra «${ra.contactText}» til «${rb.contactText}».`);
    if (ra.account && !rb.account) out.push(`Den skriftlige redegørelse («${ra.account.text}», ${ra.account.months} måneder efter henvendelsen) er bortfaldet.`);
    if (!ra.account && rb.account) out.push(`Der er kommet en skriftlig redegørelse: «${rb.account.text}», ${rb.account.months} måneder efter henvendelsen.`);
    if (ra.maxPerYear !== rb.maxPerYear) {
      out.push(
        rb.maxPerYear === undefined
          ? `Grænsen på højst ${ra.maxPerYear} henvendelser pr. år er fjernet.`
          : `Der sendes nu højst ${rb.maxPerYear} ${rb.maxPerYear === 1 ? "henvendelse" : "henvendelser"} pr. år til samme kommune${ra.maxPerYear === undefined ? " (før var der ingen grænse)" : ` (før ${ra.maxPerYear})`}.`,
      );
    }
    if (ra.recontactAfterData !== rb.recontactAfterData) {
      out.push(rb.recontactAfterData ? "En ny henvendelse sendes nu først på data for en senere periode end den forrige." : "Reglen om ny henvendelse først på nye data er fjernet.");
    }
    if ((ra.ladder ?? []).join() !== (rb.ladder ?? []).join()) {
      out.push(`Trappen er ændret fra ${ra.ladder?.join(", ") || "ingen trappe"} til ${rb.ladder?.join(", ") || "ingen trappe"}.`);
    }
  } else if (ra && !rb) out.push("Reaktionen er fjernet.");
  else if (!ra && rb) out.push(`Der er kommet en reaktion: ${rb.contactText}.`);
  const sa = a.suspensions.map((s) => s.name).join();
  const sb = b.suspensions.map((s) => s.name).join();
  if (sa !== sb) out.push(`Undtagelserne er ændret fra ${sa || "ingen"} til ${sb || "ingen"}.`);
  if (out.length === 0) out.push("De to versioner beslutter det samme; kun tekster, der ikke indgår i reglerne, kan være ændret.");
  return out;
}

/** The changes between two versions as a Danish HTML page. */
export function changeDocument(a: Plan, b: Plan): string {
  const sentences = changeSentences(a, b);
  const body = `<h1>Ændringer fra ${esc(a.title)} til ${esc(b.title)}</h1>
<p class="meta">Fra <code>${esc(a.file)}</code> til <code>${esc(b.file)}</code>.</p>
<ul>${sentences.map((s) => `<li>${esc(s)}</li>`).join("")}</ul>`;
  return page(`Ændringer: ${a.title}`, body);
}
