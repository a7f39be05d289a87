// fast-check arbitraries for random but valid .tilsyn policies, written out as text with random
// layout: any whitespace between tokens (none where the tokens allow it), blank lines, and
// comments between any two tokens (end-of-line or on their own line). Built from the grammar
// (grammar/parser.ts), not from the formatter, so the formatter is tested against the language.
import fc from "fast-check";
import { canTouch } from "./helpers.js";
import { MONTH_NAMES } from "../../grammar/keywords.js";

type Tokens = string[];

// ---------------------------------------------------------------------------------------------
// Leaves

/** Names that are never keywords, with Danish letters. */
const IDENTS = ["a", "b", "borgere", "andel_røde", "fokusmål", "x1", "Ærø", "år_2", "målet", "tilbud", "Å"];
/** Keywords that may also be referred to in expressions. */
const REF_KEYWORDS = ["andel", "antal", "redegørelse", "henvendelse"];
/** Keywords used as declared names (any keyword may name a field, deadline, state, …). */
const KEYWORD_NAMES = ["kilde", "når", "frist", "ellers", "tilstand", "start", "over", "og"];

const ident = fc.constantFrom(...IDENTS);
const ref = fc.constantFrom(...IDENTS, ...REF_KEYWORDS);
/** A declared name: usually an identifier, sometimes a keyword. */
const declName = fc.oneof(
  { weight: 4, arbitrary: ident },
  { weight: 1, arbitrary: fc.constantFrom(...KEYWORD_NAMES) },
);

const stringLit = fc
  .array(fc.constantFrom("a", "ø", "Å", " ", "#", '\\"', "\\\\", "1", ".", ",", "§", "é"), { maxLength: 12 })
  .map((chars) => `"${chars.join("")}"`);

const int = fc.integer({ min: 0, max: 24 }).map(String);
const count = fc.integer({ min: 1, max: 12 });
const numberText = fc.oneof(
  fc.integer({ min: 0, max: 500 }).map(String),
  fc
    .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(",", "."))
    .map(([a, b, sep]) => `${a}${sep}${b}`),
);
const pad = (n: number, w: number) => String(n).padStart(w, "0");
const date = fc
  .tuple(
    fc.integer({ min: 2000, max: 2030 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${pad(m, 2)}-${pad(d, 2)}`);
const month = fc
  .tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${pad(m, 2)}`);
const monthName = fc.constantFrom(...MONTH_NAMES);
/** `N måned`/`N måneder` in either number, as the grammar allows. */
const months = count.chain((n) => fc.constantFrom("måned", "måneder").map((u) => [String(n), u]));
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

// ---------------------------------------------------------------------------------------------
// Expressions, as trees with a precedence, written with the parentheses the grammar needs (and
// sometimes more: those become `Paren` nodes that must survive formatting).

interface E {
  tokens: Tokens;
  /** eller 1, og 2, ikke 3, compare 4, window 5, + - 6, * / 7, unary 8, primary 9 */
  prec: number;
}

const wrap = (e: E, min: number): Tokens => (e.prec >= min ? e.tokens : ["(", ...e.tokens, ")"]);

const exprArb: fc.Arbitrary<E> = fc.letrec<{ expr: E }>((tie) => {
  const sub = tie("expr") as fc.Arbitrary<E>;
  const leaf = fc.oneof(
    numberText.map((t): E => ({ tokens: [t], prec: 9 })),
    numberText.map((t): E => ({ tokens: [t, "%"], prec: 9 })),
    ref.map((r): E => ({ tokens: [r], prec: 9 })),
  );
  return {
    expr: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      sub.map((e): E => ({ tokens: ["(", ...e.tokens, ")"], prec: 9 })),
      fc.tuple(fc.constantFrom("sum", "middel"), sub, opt(declName)).map(([fn, e, f]): E => ({
        tokens: [fn, "(", ...e.tokens, ...(f ? ["hvor", f, "er", "målt"] : []), ")"],
        prec: 9,
      })),
      sub.map((e): E => ({ tokens: ["-", ...wrap(e, 8)], prec: 8 })),
      fc.tuple(sub, fc.constantFrom("+", "-", "*", "/"), sub).map(([l, op, r]): E => {
        const p = op === "+" || op === "-" ? 6 : 7;
        return { tokens: [...wrap(l, p), op, ...wrap(r, p + 1)], prec: p };
      }),
      fc
        .tuple(
          sub,
          fc.oneof(
            fc.constantFrom(["måneden"], ["halvåret"], ["året"]),
            months.map((m) => ["de", "seneste", ...m]),
          ),
        )
        .map(([e, w]): E => ({ tokens: [...wrap(e, 6), "over", ...w], prec: 5 })),
      fc
        .tuple(
          sub,
          fc.constantFrom(
            ["over"],
            ["mindst"],
            ["under"],
            ["højst"],
            ["lig", "med"],
            [">"],
            [">="],
            ["<"],
            ["<="],
            ["="],
          ),
          sub,
        )
        .map(([l, op, r]): E => ({ tokens: [...wrap(l, 5), ...op, ...wrap(r, 5)], prec: 4 })),
      sub.map((e): E => ({ tokens: ["ikke", ...wrap(e, 3)], prec: 3 })),
      fc.tuple(sub, fc.constantFrom("og", "eller"), sub).map(([l, op, r]): E => {
        const p = op === "eller" ? 1 : 2;
        return { tokens: [...wrap(l, p), op, ...wrap(r, p + 1)], prec: p };
      }),
    ),
  };
}).expr;

/** A long chain of conditions, so that line breaking before `og`/`eller` is exercised. */
const chainArb: fc.Arbitrary<E> = fc
  .tuple(exprArb, fc.array(fc.tuple(fc.constantFrom("og", "eller"), exprArb), { minLength: 1, maxLength: 6 }))
  .map(([first, rest]) => {
    const tokens = [...wrap(first, 3)];
    for (const [op, e] of rest) tokens.push(op, ...wrap(e, 3));
    return { tokens, prec: 1 };
  });

const expr = fc
  .oneof({ weight: 3, arbitrary: exprArb }, { weight: 1, arbitrary: chainArb })
  .map((e) => e.tokens);
/** `når`'s condition: an expression, optionally held `i N sammenhængende måneder`. */
const cond = fc
  .tuple(expr, opt(months))
  .map(([e, streak]) => (streak ? [...e, "i", streak[0]!, "sammenhængende", streak[1]!] : e));

// ---------------------------------------------------------------------------------------------
// Declarations. Clauses the grammar takes in any order come in a random order.

const kilde = stringLit.map((s) => ["kilde", s]);
const title = opt(stringLit).map((t) => (t ? [t] : []));
const anyOrder = (clauses: fc.Arbitrary<Tokens>[]) =>
  fc.tuple(...clauses.map((c) => opt(c))).chain((present) =>
    fc.shuffledSubarray(
      present.filter((p): p is Tokens => p !== undefined),
      { minLength: 0 },
    ),
  );

const inForce = fc.oneof(
  fc.tuple(date, opt(date)).map(([f, t]) => ["gælder", "fra", f, ...(t ? ["til", t] : [])]),
  date.map((t) => ["gælder", "til", t]),
);
const policyDecl = fc
  .tuple(declName, title, anyOrder([kilde, inForce]))
  .map(([n, t, clauses]) => ["politik", n, ...t, ...clauses.flat()]);

const publication = fc.oneof(
  months.map((m) => ["offentliggøres", ...m, "efter", "måneden"]),
  fc
    .tuple(fc.integer({ min: 1, max: 28 }), monthName)
    .map(([d, m]) => ["offentliggøres", String(d), ".", m, "året", "efter"]),
);
const field = fc
  .tuple(declName, fc.constantFrom("antal", "andel", "procent", "tekst"), opt(declName), opt(stringLit))
  .map(([n, type, of, d]) => [n, ":", type, ...(of ? ["af", of] : []), ...(d ? [d] : [])]);
const dataDecl = fc
  .tuple(
    declName,
    fc.constantFrom("måned", "år"),
    opt(declName),
    fc.array(field, { maxLength: 4 }),
    opt(publication),
    fc.nat(),
  )
  .map(([n, grain, group, fields, pub, at]) => {
    const items = [...fields];
    if (pub) items.splice(at % (fields.length + 1), 0, pub);
    return ["data", n, "pr", "kommune", ",", grain, ...(group ? [",", group] : []), ...items.flat()];
  });

const followUp = fc.oneof(
  fc.constant<Tokens>(["følges", "op", "ved", "offentliggørelse"]),
  months.map((m) => ["følges", "op", ...m, "efter", "offentliggørelse"]),
);
const grouping = fc.oneof(
  ident.map((g) => ["pr", g]),
  fc.tuple(ident, fc.constantFrom("ét", "et")).map(([g, et]) => ["for", "alle", g, "under", et]),
);
const assessmentDecl = fc
  .tuple(
    fc.constantFrom("månedlig", "halvårlig", "årlig"),
    opt(grouping),
    anyOrder([publication, followUp, kilde]),
  )
  .map(([c, g, clauses]) => ["opgørelse", c, ...(g ?? []), ...clauses.flat()]);

const measureDecl = fc
  .tuple(declName, title, expr, opt(kilde))
  .map(([n, t, e, k]) => ["mål", n, ...t, "=", ...e, ...(k ?? [])]);

const dataPeriod = fc.oneof(
  fc.tuple(month, opt(month)).map(([f, t]) => ["gælder", "for", "data", "fra", f, ...(t ? ["til", t] : [])]),
  month.map((t) => ["gælder", "for", "data", "til", t]),
);
const criterionDecl = fc
  .tuple(
    declName,
    title,
    anyOrder([
      kilde,
      dataPeriod,
      expr.map((e) => ["forudsat", ...e]),
      months.map((m) => ["vurderes", ...m, "senere"]),
      cond.map((c) => ["når", ...c]),
    ]),
  )
  .map(([n, t, clauses]) => ["kriterie", n, ...t, ...clauses.flat()]);

const reviewDecl = fc
  .tuple(declName, title, opt(stringLit), fc.boolean(), cond)
  .map(([n, t, k, kildeFirst, c]) => {
    const source = k ? ["kilde", k] : [];
    return [
      "gennemgang",
      n,
      ...t,
      ...(kildeFirst ? source : []),
      "årligt",
      "når",
      ...c,
      ...(kildeFirst ? [] : source),
    ];
  });

const suspensionDecl = fc
  .tuple(declName, title, opt(kilde), date, date)
  .map(([n, t, k, f, to]) => [
    "undtagelse",
    n,
    ...t,
    ...(k ?? []),
    "ingen",
    "henvendelser",
    "fra",
    f,
    "til",
    to,
  ]);

const reactionClause = fc.oneof(
  fc.tuple(stringLit, opt(kilde)).map(([s, k]) => ["henvendelse", s, ...(k ?? [])]),
  fc
    .tuple(count, fc.boolean())
    .map(([n, dot]) => ["højst", String(n), "henvendelser", "pr", ...(dot ? ["."] : []), "år"]),
  fc.constant<Tokens>(["ny", "henvendelse", "først", "på", "data", "efter", "forrige", "henvendelse"]),
  fc
    .array(declName, { minLength: 1, maxLength: 4 })
    .map((steps) => ["trappe", ...steps.flatMap((s, i) => (i ? [",", s] : [s]))]),
  fc
    .tuple(stringLit, months, opt(kilde))
    .map(([s, m, k]) => [
      "redegørelse",
      s,
      "når",
      "ikke",
      "genoprettet",
      ...m,
      "efter",
      "henvendelsen",
      ...(k ?? []),
    ]),
);
const reactionDecl = fc.array(reactionClause, { maxLength: 5 }).map((cs) => ["reaktion", ...cs.flat()]);

const calendar = fc.oneof(
  monthName.map((m) => ["udgangen", "af", m]),
  fc
    .tuple(
      count,
      fc.constantFrom("måned", "måneder", "uge", "uger", "dag", "dage"),
      fc.constantFrom("efter", "fra"),
      declName,
    )
    .map(([n, u, rel, anchor]) => [String(n), u, rel, anchor]),
);
const deadline = fc
  .tuple(declName, calendar, opt(kilde))
  .map(([n, c, k]) => ["frist", n, ":", ...c, ...(k ?? [])]);
const stateDecl = fc
  .tuple(declName, title, fc.array(deadline, { maxLength: 3 }))
  .map(([n, t, ds]) => ["tilstand", n, ...t, ...ds.flat()]);
const transitionDecl = fc
  .tuple(
    declName,
    title,
    declName,
    declName,
    opt(kilde),
    fc.oneof(
      cond.map((c) => ["når", ...c]),
      fc.constant<Tokens>(["ellers"]),
    ),
    fc.array(
      fc.tuple(declName, expr).map(([n, e]) => ["husk", n, "=", ...e]),
      { maxLength: 2 },
    ),
  )
  .chain(([n, t, from, to, k, condition, remember]) =>
    fc
      .shuffledSubarray([...(k ? [k] : []), condition, ...remember], {
        minLength: 1 + remember.length + (k ? 1 : 0),
      })
      .map((clauses) => ["overgang", n, ...t, "fra", from, "til", to, ...clauses.flat()]),
  );
const machineDecl = fc
  // Not `start` as the start state's name here: `forløb start start` names the machine `start`.
  .tuple(opt(ident), ident, fc.array(fc.oneof(stateDecl, transitionDecl), { maxLength: 4 }))
  .map(([n, start, members]) => ["forløb", ...(n ? [n] : []), "start", start, ...members.flat()]);

const declaration = fc.oneof(
  dataDecl,
  assessmentDecl,
  measureDecl,
  criterionDecl,
  reviewDecl,
  suspensionDecl,
  reactionDecl,
  machineDecl,
);

/** A policy as a list of declarations (each a token list); the `politik` header is optional. */
export const policyTokens: fc.Arbitrary<Tokens[]> = fc
  .tuple(opt(policyDecl), fc.array(declaration, { minLength: 0, maxLength: 6 }))
  .map(([p, ds]) => [...(p ? [p] : []), ...ds]);

// ---------------------------------------------------------------------------------------------
// Layout: how the tokens are written out.

const commentText = fc
  .array(fc.constantFrom("x", "æ", "ø", "å", " ", "#", '"', "(", "§", "og", "når"), { maxLength: 8 })
  .map((cs) => cs.join(""));

/** What goes between two tokens. `#` comments always end their line. */
const separator = fc.oneof(
  { weight: 12, arbitrary: fc.constant(" ") },
  { weight: 2, arbitrary: fc.constant("") },
  { weight: 3, arbitrary: fc.constantFrom("\n", "\n  ", "\n    ", "\t", "   ") },
  { weight: 1, arbitrary: fc.constantFrom("\n\n", "\n \n  ") },
  { weight: 1, arbitrary: commentText.map((c) => ` #${c}\n  `) },
  { weight: 1, arbitrary: commentText.map((c) => `\n#${c}\n`) },
  { weight: 1, arbitrary: fc.tuple(commentText, commentText).map(([a, b]) => `\n  #${a}\n\n#${b}\n`) },
);

/** Between declarations: at least a space; often blank lines and comments. */
const declSeparator = fc.oneof(
  fc.constantFrom("\n", "\n\n", "\n\n\n", " "),
  commentText.map((c) => `\n\n#${c}\n`),
  commentText.map((c) => `\n  #${c}\n\n`),
  commentText.map((c) => ` #${c}\n`),
);

/** A random but valid policy text: the policy tokens written with random layout. */
export const policyText: fc.Arbitrary<string> = policyTokens.chain((decls) => {
  const total = decls.reduce((n, d) => n + d.length, 0);
  return fc
    .tuple(
      fc.array(separator, { minLength: total, maxLength: total }),
      fc.array(declSeparator, { minLength: decls.length, maxLength: decls.length }),
      fc.oneof(
        fc.constant(""),
        commentText.map((c) => `#${c}\n\n`),
      ),
      fc.oneof(
        fc.constantFrom("", "\n", "\n\n"),
        commentText.map((c) => `\n#${c}\n`),
      ),
    )
    .map(([seps, declSeps, header, footer]) => {
      let out = header;
      let k = 0;
      decls.forEach((tokens, d) => {
        if (d > 0) out += declSeps[d]!;
        tokens.forEach((token, i) => {
          if (i > 0) {
            let sep = seps[k]!;
            if (sep === "" && !canTouch(tokens[i - 1]!, token)) sep = " ";
            out += sep;
          }
          k++;
          out += token;
        });
      });
      return out + footer;
    });
});
