// Messages between the page and the compile worker. Everything is plain, structured-cloneable data.

import type { Diagnostic } from "../../diagnostics/index.js";
import type { PolicyFile } from "../../grammar/ast.js";
import type { PolicyEvent, SeriesPoint } from "../../runtime/events.js";
import type { Plan } from "../../runtime/plan.js";

/** The two editors: the policy and its variant. */
export type Slot = "a" | "b";

export interface RunRequest {
  type: "run";
  /** Increases with every request the page sends; the worker answers only the newest per slot. */
  id: number;
  slot: Slot;
  source: string;
  file: string;
  /** Month indices (year*12 + month-1); absent = the whole data period. */
  fromMonth?: number;
  toMonth?: number;
  /** Evaluate as if the policy had no `gælder fra/til`. */
  ignoreInForce: boolean;
  /** The kommune whose series the timeline shows. */
  kommune?: string;
  /** Compile only (markers), no evaluation. */
  checkOnly?: boolean;
}

/**
 * Replace the uploaded files (name → the file's bytes, decoded in the worker as `tilsyn run` does:
 * UTF-8 or Windows-1252, comma, semicolon or tab). Uploads override the sample file of the same name.
 */
export interface DataRequest {
  type: "data";
  uploads: Record<string, Uint8Array>;
}

/** Ask for one kommune's series from the latest evaluation of a slot. */
export interface SeriesRequest {
  type: "series";
  id: number;
  slot: Slot;
  kommune: string;
}

/** Ask why a kommune was (not) contacted on one data period, from the latest evaluation of a slot. */
export interface ExplainRequest {
  type: "explain";
  slot: Slot;
  kommune: string;
  /** The data period as events name it: "2021-03", "2023-H2" or "2023". */
  period: string;
}

/** Ask how a measured month of a kommune was counted (`tilsyn explain` on a måling). */
export interface ExplainMeasuredRequest {
  type: "explain-measured";
  slot: Slot;
  kommune: string;
  /** Month index (year × 12 + month − 1). */
  month: number;
}

/** Evaluate the latest policy of a slot again with one limit of one rule set to each value. */
export interface SweepRequest {
  type: "sweep";
  slot: Slot;
  rule: string;
  /** 1-based, as limitsOf numbers them. */
  index: number;
  /** Values as written, e.g. "25" or "22,5" (percent for a share). */
  values: string[];
}

/**
 * Turn one kommune's data period into an `eksempel` block: the rows its decision used and the
 * expectations the latest policy of the slot gives for them.
 */
export interface SaveExampleRequest {
  type: "save-example";
  slot: Slot;
  kommune: string;
  /** The data period as events name it: "2021-03", "2023-H2" or "2023". */
  period: string;
}

export type ToWorker = RunRequest | DataRequest | SeriesRequest | ExplainRequest | ExplainMeasuredRequest | SweepRequest | SaveExampleRequest;

export interface KommuneInfo {
  kode: string;
  navn: string;
}

export interface ReadyMessage {
  type: "ready";
  kommuner: KommuneInfo[];
  /** Sample data files bundled with the page: file name → first and last month index. */
  samples: { file: string; from: number; to: number; rows: number }[];
}

export interface CheckMessage {
  type: "check";
  id: number;
  slot: Slot;
  diagnostics: Diagnostic[];
  ast: PolicyFile;
  /** The (NFC-normalised) text the tree and diagnostics point into, for the language service. */
  text: string;
  /** The plan, when the policy has no errors (the service reads the measures' units from it). */
  plan?: Plan;
  ms: number;
}

/** The state of one data file as the last evaluation saw it. */
export interface DataStatus {
  name: string;
  file: string;
  /** `maalt`: the table a `måling` in the editor measured from the sample person data. */
  origin: "eksempel" | "upload" | "mangler" | "maalt";
  rows?: number;
  /** Rendered Danish diagnostics, when the file could not be loaded. */
  errors?: string[];
}

export interface ResultMessage {
  type: "result";
  id: number;
  slot: Slot;
  /** Why there are no events (compile errors, missing or bad data), in Danish. */
  blocked?: string;
  events: PolicyEvent[];
  /** The series of the requested kommune. */
  series: SeriesPoint[];
  kommune?: string;
  data: DataStatus[];
  /** The limits of the policy's rules that the sensitivity view can sweep. */
  limits?: SweepLimit[];
  /** What a sweep counts for this policy: «henvendelser», «overgange fra normal». */
  counted?: string;
  /** The policy's own texts, for captions and legends. */
  policy?: PolicyInfo;
  /** The table a `måling` in the editor measured (the policy whose events these are read it). */
  measured?: MeasuredInfo;
  /** The period that was evaluated. */
  fromMonth?: number;
  toMonth?: number;
  ms: number;
}

/** A measured table (runtime/spells.ts MeasuredTable), compact: `[kommune, month, ...values]` per row. */
export interface MeasuredInfo {
  name: string;
  title: string;
  /** The file of the `måling`. */
  file: string;
  /** The person files read from the user's uploads, and how many came from the sample. */
  uploaded: string[];
  fromSample: number;
  fields: string[];
  rows: [string, number, ...number[]][];
}

/** What the views need to know of the policy itself: its title and its states (a state machine). */
export interface PolicyInfo {
  title: string;
  machine?: { start: string; states: { name: string; title: string }[] };
}

/** The outcome of one `eksempel` block, run live with the latest policy of a slot. */
export interface ExampleStatus {
  /** 1-based line of the block's `eksempel` line. */
  line: number;
  title: string;
  ok: boolean;
  /** Why not, in Danish: the expectations that failed and what happened instead, or the block's errors. */
  problems: string[];
}

export interface ExamplesMessage {
  type: "examples";
  /** The run request whose policy text the examples were run with. */
  id: number;
  slot: Slot;
  examples: ExampleStatus[];
}

/** The answer to a SaveExampleRequest: the block's text, or why there is none. */
export interface SavedExampleMessage {
  type: "save-example";
  slot: Slot;
  kommune: string;
  period: string;
  text?: string;
  /** Expectations that were left out because the block would not pass with them (should be none). */
  dropped?: number;
  error?: string;
}

export interface SeriesMessage {
  type: "series";
  id: number;
  slot: Slot;
  kommune: string;
  series: SeriesPoint[];
}

/** The answer to an ExplainMeasuredRequest: the counts behind the month, as `tilsyn explain` gives them. */
export interface ExplainMeasuredMessage {
  type: "explain-measured";
  slot: Slot;
  kommune: string;
  month: number;
  text: string;
}

/** The answer to an ExplainRequest: the same text as `tilsyn explain`. */
export interface ExplainMessage {
  type: "explain";
  slot: Slot;
  kommune: string;
  period: string;
  text: string;
}

/** A limit the sensitivity view can sweep (compiler/sweep.ts). */
export interface SweepLimit {
  rule: string;
  title: string;
  index: number;
  text: string;
  written: string;
  percent: boolean;
}

export interface SweepMessage {
  type: "sweep";
  slot: Slot;
  rule: string;
  index: number;
  /** What the counts are: «henvendelser», «overgange fra normal». */
  counted?: string;
  years: string[];
  rows: { value: string; contacts: Record<string, number>; kommuner: Record<string, number>; total: number; current: boolean }[];
  ms: number;
  blocked?: string;
}

export interface ErrorMessage {
  type: "error";
  message: string;
}

export type FromWorker =
  | ReadyMessage
  | CheckMessage
  | ResultMessage
  | SeriesMessage
  | ExplainMessage
  | ExplainMeasuredMessage
  | SweepMessage
  | ExamplesMessage
  | SavedExampleMessage
  | ErrorMessage;
