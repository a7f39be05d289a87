// Mangling a committed policy for the round-trip tests (test/format/policies.test.ts).
import { mulberry32 } from "../../scripts/prng.js";
import { canTouch, tokens } from "./helpers.js";

/** One printed unit of the committed file: a line and its `og`/`eller` continuation lines. */
interface Unit {
  lines: string[];
  indent: string;
  /** A line of an example's table: a line break is what ends a table row, so it stays a line. */
  table?: boolean;
}

/** A table line (header or row of an `eksempel`): it has a `|` outside strings and comments. */
const isTableLine = (line: string): boolean => line.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/#.*$/, "").includes("|");

/** The committed text as paragraphs (split at blank lines) of comment lines and units. */
type Item = Unit | { comment: string; line: string };

function paragraphs(text: string): Item[][] {
  const out: Item[][] = [[]];
  for (const line of text.replace(/\n$/, "").split("\n")) {
    const current = out.at(-1)!;
    const trimmed = line.trim();
    if (trimmed === "") out.push([]);
    else if (trimmed.startsWith("#")) current.push({ comment: trimmed, line });
    else if (/^(og|eller) /.test(trimmed)) (current.at(-1) as Unit).lines.push(line);
    else current.push({ lines: [line], indent: line.slice(0, line.length - line.trimStart().length), ...(isTableLine(line) ? { table: true } : {}) });
  }
  return out;
}

export interface Mangled {
  text: string;
  /** The committed file with the inserted comments where the formatter canonically puts them. */
  expected: string;
}

/**
 * Mangle a committed policy. Every paragraph's code goes on (mostly) one line, with random
 * spacing (none at all where the tokens allow it) and random indentation; the author's comment
 * lines keep their own lines; paragraphs are separated by 1–3 blank lines (some not quite empty).
 * With `oddComments`, comments are also put *inside* lines (after a line's first token, as an
 * end-of-line comment or on a line of their own); `expected` then has them where the formatter
 * puts them: at the end of the printed line, or on their own line just above it.
 */
export function mangle(text: string, seed: number, oddComments: boolean): Mangled {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const indent = () => pick(["", " ", "   ", "\t", "        ", "  \t "]);
  let out = "";
  const expected: string[] = [];
  let counter = 0;
  paragraphs(text).forEach((paragraph, p) => {
    if (p > 0) {
      out += "\n" + pick(["\n", "\n\n", "   \n", "\n\t\n\n"]);
      expected.push("");
    }
    out += indent();
    let lineHasCode = false;
    for (const item of paragraph) {
      if ("comment" in item) {
        if (lineHasCode) out += "\n" + indent();
        out += item.comment + "\n" + indent();
        lineHasCode = false;
        expected.push(item.line);
        continue;
      }
      if (item.table) {
        // A table row keeps its own line (and its cells as written); only the spacing around
        // the `|` and the indentation change. No comment is put inside it.
        const cells = item.lines[0]!.split("|").map((c) => c.trim());
        if (lineHasCode) out += "\n" + indent();
        out += cells.map((c) => c).join(pick(["|", " | ", "  |   ", "\t|"])) + "\n" + indent();
        lineHasCode = false;
        expected.push(...item.lines);
        continue;
      }
      const words = item.lines.flatMap((l) => tokens(l));
      const odd =
        oddComments && words.length >= 2 && rnd() < 0.35 ? pick(["eol", "own"] as const) : undefined;
      const label = `# c${++counter} "æøå" #`;
      if (odd === "own") expected.push(item.indent + label);
      expected.push(...item.lines);
      if (odd === "eol") expected[expected.length - 1] += ` ${label}`;
      words.forEach((word, i) => {
        if (lineHasCode) {
          const previous = i > 0 ? words[i - 1]! : "x";
          const r = rnd();
          if (r < 0.03) out += "\n" + indent();
          else if (r < 0.3 && i > 0 && canTouch(previous, word)) out += "";
          else out += pick([" ", "  ", "\t", "   "]);
        }
        out += word;
        lineHasCode = true;
        if (i === 0 && odd === "eol") out += `   ${label}\n` + indent();
        if (i === 0 && odd === "own") out += `\n${indent()}${label}\n` + indent();
      });
    }
  });
  return { text: out + pick(["", "\n", "\n\n\n", "  "]), expected: expected.join("\n") + "\n" };
}
