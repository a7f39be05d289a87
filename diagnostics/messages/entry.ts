// The shape of one catalogue entry, and of one range of codes (T01xx, T02xx, …).

/** `note`: information that needs no action (e.g. columns a data file has, but the policy does not use). */
export type Severity = "fejl" | "advarsel" | "note";

export interface Entry {
  /** Default "fejl". */
  readonly severity?: Severity;
  /** One Danish sentence: what is wrong. `{name}` is filled in from the parameters. */
  readonly message: string;
  /** What to do about it, in Danish. May use the same parameters. */
  readonly hint?: string;
  /** The description in the table of codes in docs/sprog.md (no parameters). */
  readonly doc: string;
}

type Digit = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9";

/** The entries of one range: every key is the range's prefix and two digits (`T01` → `T01` + `07`). */
export type CatalogueRange<Prefix extends string> = { readonly [K in `${Prefix}${Digit}${Digit}`]?: Entry };
