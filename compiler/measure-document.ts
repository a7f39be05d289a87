// The readable page of a file with person data and a `måling` (tilsyn doc): the sections that
// compiler/document.ts adds for them. Each rule is shown as written with its source, and the cases
// of a `tæl` stand in one table with the dates they apply to, so the rules before and after a
// change read side by side.

import type { MeasurementDecl, PolicyFile, Span } from "../grammar/ast.js";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const slice = (text: string, span: Span): string => text.slice(span.start.offset, span.end.offset);

const date = (d: { year: number; month: number; day: number }): string => `${d.day}. ${MONTHS[d.month - 1]} ${d.year}`;
const MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
const kilde = (s: string | undefined): string => (s ? esc(s) : "");
const expr = (text: string, span: Span): string => `<code>${esc(slice(text, span).replace(/\s+/g, " "))}</code>`;

/** [id, title, html] of the sections for person data and each `måling`. */
export function measurementSections(ast: PolicyFile, text: string): [string, string, string][] {
  const out: [string, string, string][] = [];
  const data = ast.declarations.filter((d) => d.kind === "PersonDataDecl");
  if (data.length) {
    const html = data
      .map((d) => {
        const rows = d.fields.map((f) => `<tr><td><code>${esc(f.name.text)}</code></td><td>${f.type.value}</td><td>${esc(f.description?.value ?? "")}</td></tr>`).join("");
        const grain = d.grain.value === "måned" ? "person og måned (kolonnerne <code>person</code> og <code>maaned</code>)" : "hændelse (kolonnerne <code>person</code> og <code>dato</code>)";
        return `<h3>${esc(d.name.text)}</h3><p>Filen <code>${esc(d.name.text)}.csv</code> har én række pr. ${grain}.</p><table><thead><tr><th>Felt</th><th>Type</th><th>Beskrivelse</th></tr></thead><tbody>${rows}</tbody></table>`;
      })
      .join("");
    out.push(["persondata", "Persondata", html]);
  }
  for (const m of ast.declarations.filter((d): d is MeasurementDecl => d.kind === "MeasurementDecl")) out.push([`maaling-${m.name.text}`, `Måling: ${m.title?.value ?? m.name.text}`, measurement(m, text)]);
  return out;
}

function measurement(m: MeasurementDecl, text: string): string {
  const parts: string[] = [];
  parts.push(`<p>Tabellen <code>${esc(m.name.text)}</code> har én række pr. kommune og måned med kolonnerne <code>kommune</code>, <code>maaned</code> og ${m.outputs.map((o) => `<code>${esc(o.name.text)}</code>`).join(", ")}.${m.source ? ` Kilde: ${kilde(m.source.value)}.` : ""}</p>`);
  const rule = (what: string, source: string | undefined) => `<tr><td>${what}</td><td>${kilde(source)}</td></tr>`;
  const rules = [
    m.spell && rule(`Et forløb er sammenhængende måneder i <code>${esc(m.spell.data.text)}</code> med samme <code>${esc(m.spell.field.text)}</code>; en måned uden række eller med en anden værdi starter et nyt.`, m.spell.source?.value),
    m.dead && rule(`En måned er død, når ${expr(text, m.dead.when.span)}: den tæller ikke med i forløbets varighed og bryder det ikke.`, m.dead.source?.value),
    m.window && rule(`Vinduet er forløbets seneste ${m.window.months} tællende måneder til og med måneden; en død måned imellem strækker det.`, m.window.source?.value),
  ].filter(Boolean);
  parts.push(`<table><thead><tr><th>Regel</th><th>Kilde</th></tr></thead><tbody>${rules.join("")}</tbody></table>`);
  for (const c of m.counts) {
    const rows = c.cases
      .map((k) => {
        const from = k.inForce?.from ? `fra ${date(k.inForce.from)}` : "";
        const to = k.inForce?.to ? `til ${date(k.inForce.to)}` : "";
        return `<tr><td>${expr(text, k.when.span)}</td><td>${esc([from, to].filter(Boolean).join(" ") || "altid")}</td><td>${kilde(k.source?.value)}</td></tr>`;
      })
      .join("");
    parts.push(`<h3>Hvilke ${esc(c.data.text)} der tæller</h3><p>En hændelse tæller, når et tilfælde, der gælder på dens dato, holder.</p><table><thead><tr><th>Tæller når</th><th>Gælder for hændelser dateret</th><th>Kilde</th></tr></thead><tbody>${rows}</tbody></table>`);
  }
  const fields = m.outputs.map((o) => `<tr><td><code>${esc(o.name.text)}</code></td><td>${expr(text, o.expr.span)}</td><td>${kilde(o.source?.value)}</td></tr>`).join("");
  parts.push(`<h3>Tabellens felter</h3><table><thead><tr><th>Felt</th><th>Antal personer</th><th>Kilde</th></tr></thead><tbody>${fields}</tbody></table>`);
  return parts.join("");
}


