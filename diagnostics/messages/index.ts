// The one catalogue of diagnostics: every code tilsyn reports, declared once, typed.
//
//   T01xx syntax (grammar/)            T02xx names, types and structure (compiler/check)
//   T03xx data files (CSV loaders)     T04xx command line and files (the CLI)
//   T05xx static analysis warnings     (gaps, unused declarations; may be silenced per rule)
//
// `Code` is the union of the catalogue's keys and `MessageParams<C>` the parameters named in the
// code's message and hint, so an unknown code or a missing or extra parameter fails to compile.

import { analysis } from "./analysis.js";
import { check } from "./check.js";
import { cli } from "./cli.js";
import { data } from "./data.js";
import type { Entry, Severity } from "./entry.js";
import { syntax } from "./syntax.js";

export type { Entry, Severity } from "./entry.js";

export const catalogue = { ...syntax, ...check, ...data, ...cli, ...analysis } as const;

type Catalogue = typeof catalogue;

/** Every diagnostic code. */
export type Code = keyof Catalogue;

/** The `{name}`s in a template. */
type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

type Texts<C extends Code> = Catalogue[C] extends { message: infer M; hint: infer H } ? M | H : Catalogue[C]["message"];

/** The parameters of a code: one string per `{name}` in its message and hint. */
export type MessageParams<C extends Code> = C extends Code
  ? [Placeholders<Texts<C>>] extends [never]
    ? { readonly [key: string]: never }
    : { readonly [K in Placeholders<Texts<C>>]: string }
  : never;

/** Codes whose message and hint take no parameters. */
export type CodeWithoutParams = { [C in Code]: [Placeholders<Texts<C>>] extends [never] ? C : never }[Code];

const entries: Readonly<Record<Code, Entry>> = catalogue;

/** All codes, in order. */
export const codes = (Object.keys(catalogue) as Code[]).sort();

export const isCode = (text: string): text is Code => Object.prototype.hasOwnProperty.call(catalogue, text);

export const severityOf = (code: Code): Severity => entries[code].severity ?? "fejl";

export const docOf = (code: Code): string => entries[code].doc;

const fill = (template: string, params: Readonly<Record<string, string>>): string =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => params[key] ?? `{${key}}`);

/** The code's message with its parameters filled in. */
export function formatMessage<C extends Code>(code: C, params: MessageParams<C>): string {
  return fill(entries[code].message, params as Readonly<Record<string, string>>);
}

/** The code's hint with its parameters filled in, if it has one. */
export function formatHint<C extends Code>(code: C, params: MessageParams<C>): string | undefined {
  const hint = entries[code].hint;
  return hint === undefined ? undefined : fill(hint, params as Readonly<Record<string, string>>);
}
