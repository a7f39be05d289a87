// Person-level files (contracts.md "Person-level data") read as bytes into the columns of
// bench/handwritten/fokusmaal.ts: the streaming TypeScript engine's loader.
//
// Each file is read in 16 MB chunks; lines are cut and fields decoded straight from the bytes
// (no strings per row) with load/bytes.ts, which the policy's loader (load/persons.ts) uses too:
// kommune, months, dates and hours as integers, the short enumerations by comparing bytes, the
// person id interned in an open-addressing table over the id bytes, so any opaque text works as
// an id. Columns grow by doubling. The header decides the column order. Only the layout the
// contract asks for is read: comma-separated, UTF-8 without quoted cells (a quote is reported as
// an error rather than misread).

import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { ByteLines, dayOf, digitsOf, IdTable, monthOf, NOT_A_DAY, tenThousandthsOf } from "../../load/bytes.js";
import { SAMTALE_ART, SAMTALE_FORM, TILBUD_ART, YDELSER, type PersonData } from "../handwritten/fokusmaal.js";

const enc = new TextEncoder();
const COMMA = 44;
const QUOTE = 34;


function grow<T extends Int32Array | Uint8Array>(a: T): T {
  const next = new (a.constructor as new (n: number) => T)(a.length * 2);
  next.set(a);
  return next;
}

/** An error in a data file, with file and line, in Danish. */
export class PersonDataError extends Error {}

type Role = "person" | "kommune" | "maaned" | "ydelse" | "fritaget" | "doed" | "dato" | "art" | "form" | "timer";

/**
 * Reads `path` line by line; `row(buf, starts, ends)` gets each data line's fields in the
 * header's order as byte ranges of `buf`, mapped to `roles`.
 */
function readLines(path: string, roles: readonly Role[], row: (buf: Uint8Array, s: Int32Array, e: Int32Array, line: number) => void, progress?: (bytes: number, total: number) => void): void {
  const n = roles.length;
  const fs = new Int32Array(n);
  const fe = new Int32Array(n);
  const cs = new Int32Array(n);
  const ce = new Int32Array(n);
  let order: Int32Array | undefined; // header column → role position
  const lines = new ByteLines((buf, pos, end, line) => {
    if (end === pos) return;
    // split into fields
    let k = 0;
    let s = pos;
    for (let i = pos; i <= end; i++) {
      if (i === end || buf[i] === COMMA) {
        if (k >= n) throw new PersonDataError(`${path}, linje ${line}: flere end ${n} felter`);
        fs[k] = s;
        fe[k] = i;
        k++;
        s = i + 1;
      } else if (buf[i] === QUOTE) {
        throw new PersonDataError(`${path}, linje ${line}: anførselstegn læses ikke af denne indlæser`);
      }
    }
    if (k !== n) throw new PersonDataError(`${path}, linje ${line}: ${k} felter, ventede ${n}`);
    if (!order) {
      order = new Int32Array(n);
      for (let c = 0; c < n; c++) {
        const name = new TextDecoder().decode(buf.subarray(fs[c]!, fe[c]!)).trim();
        const r = roles.indexOf(name as Role);
        if (r < 0) throw new PersonDataError(`${path}: ukendt kolonne «${name}»; ventede ${roles.join(",")}`);
        order[c] = r;
      }
      if (new Set(order).size !== n) throw new PersonDataError(`${path}: en kolonne står to gange`);
      return;
    }
    for (let c = 0; c < n; c++) {
      cs[order[c]!] = fs[c]!;
      ce[order[c]!] = fe[c]!;
    }
    row(buf, cs, ce, line);
  });
  const fd = openSync(path, "r");
  try {
    const total = fstatSync(fd).size;
    const buf = new Uint8Array(16 << 20);
    let read = 0;
    for (;;) {
      const got = readSync(fd, buf, 0, buf.length, null);
      if (got === 0) break;
      lines.push(buf.subarray(0, got));
      read += got;
      progress?.(read, total);
    }
    lines.end();
  } finally {
    closeSync(fd);
  }
}

/** Index of the byte string buf[s..e) among `values`, −1 if none. */
function enumOf(values: readonly Uint8Array[], buf: Uint8Array, s: number, e: number): number {
  const len = e - s;
  outer: for (let v = 0; v < values.length; v++) {
    const b = values[v]!;
    if (b.length !== len) continue;
    for (let i = 0; i < len; i++) if (b[i] !== buf[s + i]) continue outer;
    return v;
  }
  return -1;
}

const bytesOf = (xs: readonly string[]): Uint8Array[] => xs.map((x) => enc.encode(x));
const YDELSE_B = bytesOf(YDELSER);
const ART_B = bytesOf(SAMTALE_ART);
const FORM_B = bytesOf(SAMTALE_FORM);
const TILBUD_B = bytesOf(TILBUD_ART);

class Column<T extends Int32Array | Uint8Array> {
  length = 0;
  constructor(public data: T) {}
  push(x: number): void {
    if (this.length === this.data.length) this.data = grow(this.data);
    this.data[this.length++] = x;
  }
  done(): T {
    return this.data.subarray(0, this.length) as T;
  }
}
const ints = (n: number) => new Column(new Int32Array(n));
const bytes = (n: number) => new Column(new Uint8Array(n));

export interface LoadProgress {
  (file: string, bytes: number, total: number): void;
}

/** Reads the four files of `dir` into columns. */
export function loadPersonDir(dir: string, progress?: LoadProgress): PersonData {
  const ids = new IdTable();
  const bad = (file: string, line: number, field: string, buf: Uint8Array, s: number, e: number): never => {
    throw new PersonDataError(`${file}, linje ${line}: ${field} «${new TextDecoder().decode(buf.subarray(s, e))}» kan ikke læses`);
  };
  const est = 1 << 20;

  const mPerson = ints(est), mMonth = ints(est), mKommune = ints(est), mYdelse = bytes(est), mFri = bytes(est), mDoed = bytes(est);
  const file1 = join(dir, "ydelsesmaaneder.csv");
  readLines(file1, ["person", "kommune", "maaned", "ydelse", "fritaget", "doed"], (buf, s, e, line) => {
    mPerson.push(ids.intern(buf, s[0]!, e[0]!));
    const k = digitsOf(buf, s[1]!, e[1]!);
    if (k < 1 || k > 999) bad(file1, line, "kommune", buf, s[1]!, e[1]!);
    mKommune.push(k);
    const m = monthOf(buf, s[2]!, e[2]!);
    if (m < 0) bad(file1, line, "maaned", buf, s[2]!, e[2]!);
    mMonth.push(m);
    const y = enumOf(YDELSE_B, buf, s[3]!, e[3]!);
    if (y < 0) bad(file1, line, "ydelse", buf, s[3]!, e[3]!);
    mYdelse.push(y);
    const f = digitsOf(buf, s[4]!, e[4]!);
    if (f !== 0 && f !== 1) bad(file1, line, "fritaget", buf, s[4]!, e[4]!);
    mFri.push(f);
    const d = digitsOf(buf, s[5]!, e[5]!);
    if (d !== 0 && d !== 1) bad(file1, line, "doed", buf, s[5]!, e[5]!);
    mDoed.push(d);
  }, (b, t) => progress?.("ydelsesmaaneder.csv", b, t));

  const iPerson = ints(est), iDay = ints(est), iArt = bytes(est), iForm = bytes(est);
  const file2 = join(dir, "samtaler.csv");
  readLines(file2, ["person", "dato", "art", "form"], (buf, s, e, line) => {
    iPerson.push(ids.intern(buf, s[0]!, e[0]!));
    const d = dayOf(buf, s[1]!, e[1]!);
    if (d === NOT_A_DAY) bad(file2, line, "dato", buf, s[1]!, e[1]!);
    iDay.push(d);
    const a = enumOf(ART_B, buf, s[2]!, e[2]!);
    if (a < 0) bad(file2, line, "art", buf, s[2]!, e[2]!);
    iArt.push(a);
    const f = enumOf(FORM_B, buf, s[3]!, e[3]!);
    if (f < 0) bad(file2, line, "form", buf, s[3]!, e[3]!);
    iForm.push(f);
  }, (b, t) => progress?.("samtaler.csv", b, t));

  const oPerson = ints(est), oDay = ints(est), oArt = bytes(est);
  const file3 = join(dir, "tilbud.csv");
  readLines(file3, ["person", "dato", "art"], (buf, s, e, line) => {
    oPerson.push(ids.intern(buf, s[0]!, e[0]!));
    const d = dayOf(buf, s[1]!, e[1]!);
    if (d === NOT_A_DAY) bad(file3, line, "dato", buf, s[1]!, e[1]!);
    oDay.push(d);
    const a = enumOf(TILBUD_B, buf, s[2]!, e[2]!);
    if (a < 0) bad(file3, line, "art", buf, s[2]!, e[2]!);
    oArt.push(a);
  }, (b, t) => progress?.("tilbud.csv", b, t));

  const hPerson = ints(est), hMonth = ints(est), hAmount = ints(est);
  const file4 = join(dir, "timer.csv");
  readLines(file4, ["person", "maaned", "timer"], (buf, s, e, line) => {
    hPerson.push(ids.intern(buf, s[0]!, e[0]!));
    const m = monthOf(buf, s[1]!, e[1]!);
    if (m < 0) bad(file4, line, "maaned", buf, s[1]!, e[1]!);
    hMonth.push(m);
    const h = tenThousandthsOf(buf, s[2]!, e[2]!);
    if (h < 0) bad(file4, line, "timer", buf, s[2]!, e[2]!);
    hAmount.push(h);
  }, (b, t) => progress?.("timer.csv", b, t));

  return {
    persons: ids.size,
    months: { length: mPerson.length, person: mPerson.done(), month: mMonth.done(), kommune: mKommune.done(), ydelse: mYdelse.done(), fritaget: mFri.done(), doed: mDoed.done() },
    interviews: { length: iPerson.length, person: iPerson.done(), day: iDay.done(), art: iArt.done(), form: iForm.done() },
    offers: { length: oPerson.length, person: oPerson.done(), day: oDay.done(), art: oArt.done() },
    hours: { length: hPerson.length, person: hPerson.done(), month: hMonth.done(), amount: hAmount.done() },
  };
}
