// What an evaluation produces: events (contracts.md, "Output of run --format json") and, on
// request, the measured series behind each criterion (for charts and for explaining "why not").

export type EventType = "henvendelse" | "redegoerelse" | "tilstand" | "frist" | "gennemgang";

export type EventValue = number | string | boolean | null;

export interface PolicyEvent {
  /** The policy's name as written after `politik`. */
  policy: string;
  /** 3-digit kommune code. */
  kommune: string;
  /** The data period the event rests on: "2021-03", "2023-H2" or "2023". */
  period: string;
  /** YYYY-MM-DD on which it takes effect (action date, after publication lag). */
  date: string;
  type: EventType;
  /** The criterion, review, transition (or, for `frist`, the transition that set it) as named in the policy. */
  rule: string;
  /** For per-group rules: the group label from the data. */
  group?: string;
  /** For `tilstand`: state names. */
  from?: string;
  to?: string;
  /** For `frist`: the deadline's name and due date. */
  name?: string;
  due?: string;
  /** For `henvendelse`: every criterion that held (the first one is `rule`). */
  rules?: string[];
  /** For `henvendelse` with an escalation ladder: the suggested step and its number (1-based). */
  handling?: string;
  /** The numbers the decision used, by name. Shares are in percent with one decimal. */
  values: Record<string, EventValue>;
  /** One Danish sentence a caseworker can read: what held, with the numbers. */
  explanation: string;
  /** The legal source the policy cites for the rule. */
  source: string;
}

/** One point of a criterion's measured series: the value it compared against its limit. */
export interface SeriesPoint {
  policy: string;
  /** Criterion or review name. */
  rule: string;
  kommune: string;
  group?: string;
  period: string;
  /** Action date of the assessment. */
  date: string;
  /** The left-hand measure of the rule's main comparison, in percent for shares; null if not measured. */
  value: number | null;
  /** The limit it is compared with (percent for shares). */
  limit: number | null;
  /** "%" when value and limit are shares in percent; "" for counts. */
  unit: "%" | "";
  /** Whether the criterion (with guard and streak) held; null if it could not be decided. */
  holds: boolean | null;
}

export interface EvaluationResult {
  events: PolicyEvent[];
  /** Present when `series: true` was asked for. */
  series?: SeriesPoint[];
}

/** -1, 0 or 1 for two optional texts, a missing one as "". */
const order = (x: string | undefined, y: string | undefined): number => {
  if (x === y) return 0;
  const a = x ?? "";
  const b = y ?? "";
  return a === b ? 0 : a < b ? -1 : 1;
};

/**
 * Stable order: date, kommune, rule, type, group, name, policy, period, so the output is
 * byte-identical. Written out field by field: a loop over key names reads every field through
 * one generic property load, and sorting is a good part of a run.
 */
export function compareEvents(a: PolicyEvent, b: PolicyEvent): number {
  return (
    order(a.date, b.date) ||
    order(a.kommune, b.kommune) ||
    order(a.rule, b.rule) ||
    order(a.type, b.type) ||
    order(a.group, b.group) ||
    order(a.name, b.name) ||
    order(a.policy, b.policy) ||
    order(a.period, b.period)
  );
}

/**
 * The events in compareEvents' order. They are first put in date order by a stable bucketing
 * (a run makes them unit by unit, each unit's in date order), which leaves the sort short runs
 * to merge; equal events keep their order either way, so the result is the plain sort's.
 */
export function sortEvents(events: PolicyEvent[]): PolicyEvent[] {
  const byDate = new Map<string, PolicyEvent[]>();
  for (const e of events) {
    const same = byDate.get(e.date);
    if (same) same.push(e);
    else byDate.set(e.date, [e]);
  }
  const dates = [...byDate.keys()].sort();
  const out: PolicyEvent[] = [];
  for (const date of dates) for (const e of byDate.get(date)!) out.push(e);
  return out.sort(compareEvents);
}

/** What writes the values and explanations of a group of events (see RunEvent). */
export interface PendingTexts {
  write(): void;
}

/**
 * An event as the evaluator returns it. Its values and explanation are written when one of them
 * is first read, not while the policy is evaluated: a pipeline that keeps only the decisions does
 * not pay for the Danish sentences, and `JSON.stringify` (through toJSON) or reading the fields
 * writes them, with the same words and numbers. The evaluator writes the texts of one unit's
 * events together, from the tables it was given (which are not to be changed afterwards).
 *
 * The two are getters on the class, so a copy by spread (`{ ...e }`) or a structured clone
 * (postMessage) leaves them out: take `canonicalEvent(e)` (or `e.toJSON()`) for a plain object.
 */
export class RunEvent implements PolicyEvent {
  declare group?: string;
  declare from?: string;
  declare to?: string;
  declare name?: string;
  declare due?: string;
  declare rules?: string[];
  declare handling?: string;
  declare source: string;
  #values: Record<string, EventValue> = EMPTY_VALUES;
  #explanation = "";
  #pending: PendingTexts | undefined = undefined;

  constructor(
    public policy: string,
    public kommune: string,
    public period: string,
    public date: string,
    public type: EventType,
    public rule: string,
  ) {}

  get values(): Record<string, EventValue> {
    this.#pending?.write();
    return this.#values;
  }

  /** Set by hand: the evaluator's texts are written first, so the other field keeps its own. */
  set values(values: Record<string, EventValue>) {
    this.#pending?.write();
    this.#values = values;
  }

  get explanation(): string {
    this.#pending?.write();
    return this.#explanation;
  }

  set explanation(text: string) {
    this.#pending?.write();
    this.#explanation = text;
  }

  /** The values and explanation are written by `pending` when one of them is first read. */
  writeLater(pending: PendingTexts): void {
    this.#pending = pending;
  }

  /** The values and explanation, as `pending` writes them. */
  setTexts(values: Record<string, EventValue>, explanation: string): void {
    this.#pending = undefined;
    this.#values = values;
    this.#explanation = explanation;
  }

  /** A plain object with the contract's keys in order: what JSON output and a structured clone carry. */
  toJSON(): PolicyEvent {
    return canonicalEvent(this);
  }
}

const EMPTY_VALUES: Record<string, EventValue> = Object.freeze({});

const KEY_ORDER: (keyof PolicyEvent)[] = [
  "policy", "kommune", "period", "date", "type", "rule", "group", "from", "to", "name", "due", "rules", "handling", "values", "explanation", "source",
];

/** The same event with its keys in the contract's order, so JSON output is stable and readable. */
export function canonicalEvent(e: PolicyEvent): PolicyEvent {
  const out: Record<string, unknown> = {};
  for (const key of KEY_ORDER) if (e[key] !== undefined) out[key] = e[key];
  return out as unknown as PolicyEvent;
}

// ---------------------------------------------------------------------------------------------
// Events as a discriminated union on `type`, for the modules `tilsyn compile` writes: a
// consumer's `switch (e.type)` narrows to the fields that type always has. Every member is also
// a PolicyEvent (the one record the engine and the CLI's formats work with).

/** The fields every event has, whatever its type. */
export interface EventBase<Policy extends string = string, Rule extends string = string> {
  policy: Policy;
  /** 3-digit kommune code. */
  kommune: string;
  /** The data period the event rests on: "2021-03", "2023-H2" or "2023". */
  period: string;
  /** YYYY-MM-DD on which it takes effect (action date, after publication lag). */
  date: string;
  /** The criterion, review or transition as named in the policy (for `frist`, the transition that set it). */
  rule: Rule;
  /** For per-group rules: the group label from the data. */
  group?: string;
  /** The numbers the decision used, by name. Shares are in percent with one decimal. */
  values: Record<string, EventValue>;
  /** One Danish sentence a caseworker can read: what held, with the numbers. */
  explanation: string;
  /** The legal source the policy cites for the rule. */
  source: string;
}

/** STAR contacts the municipality: one or more criteria held. */
export interface ContactEvent<Policy extends string = string, Rule extends string = string> extends EventBase<Policy, Rule> {
  type: "henvendelse";
  /** Every criterion that held (the first one is `rule`). */
  rules: Rule[];
  /** With an escalation ladder: the suggested step (`values.trin` is its number). */
  handling?: string;
}

/** The municipality must give a written account: not restored some months after a contact. */
export interface AccountEvent<Policy extends string = string, Rule extends string = string> extends EventBase<Policy, Rule> {
  type: "redegoerelse";
}

/** A yearly review held for the municipality. */
export interface ReviewEvent<Policy extends string = string, Rule extends string = string> extends EventBase<Policy, Rule> {
  type: "gennemgang";
}

/** The municipality moved from one state to another. */
export interface StateEvent<Policy extends string = string, Rule extends string = string, State extends string = string>
  extends EventBase<Policy, Rule> {
  type: "tilstand";
  from: State;
  to: State;
}

/** A deadline set by a transition. */
export interface DeadlineEvent<Policy extends string = string, Rule extends string = string, Deadline extends string = string>
  extends EventBase<Policy, Rule> {
  type: "frist";
  /** The deadline's name as declared in the policy. */
  name: Deadline;
  /** YYYY-MM-DD. */
  due: string;
}

/** An event of a policy, narrowed by `type`; a generated module names its own policy, rules, states and deadlines. */
export type TypedEvent<Policy extends string = string, Rule extends string = string, State extends string = string, Deadline extends string = string> =
  | ContactEvent<Policy, Rule>
  | AccountEvent<Policy, Rule>
  | ReviewEvent<Policy, Rule>
  | StateEvent<Policy, Rule, State>
  | DeadlineEvent<Policy, Rule, Deadline>;
