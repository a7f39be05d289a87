// Person-level files (contracts.md "Person-level data") read as bytes into the columns of
// bench/handwritten/fokusmaal.ts: the streaming TypeScript engine's loader.
//
// Each file is read in 16 MB chunks; lines are cut and fields decoded straight from the bytes
// (no strings per row): kommune, months, dates and hours as integers, the short enumerations by
// comparing bytes, the person id interned in an open-addressing table over the id bytes, so any
// opaque text works as an id. Columns grow by doubling. The header decides the column order. Only
// the layout the contract asks for is read: comma-separated, UTF-8 without quoted cells (a quote
// is reported as an error rather than misread).

import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { HOURS_SCALE, SAMTALE_ART, SAMTALE_FORM, TILBUD_ART, YDELSER, type PersonData } from "../handwritten/fokusmaal.js";

const enc = new TextEncoder();
const COMMA = 44;
const NL = 10;
const CR = 13;
const QUOTE = 34;

/**
 * Interns byte strings as 0, 1, 2, … (open addressing, FNV-1a, grows at half load). A slot holds
 * [id + 1, hash, first 4 bytes, next 4 bytes]: an id of at most 8 bytes without a NUL byte (the
 * pseudonymous ids of a register extract) is found in its slot alone, one cache line; longer ids
 * are compared with their bytes in the arena.
 */
export class IdTable {
  private slots = new Int32Array(4 << 16);
  private mask = (1 << 16) - 1;
  private offsets = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private arena = new Uint8Array(1 << 16);
  private used = 0;
  size = 0;

  intern(buf: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5 | 0;
    let w0 = 0;
    let w1 = 0;
    let inline = end - start <= 8;
    for (let i = start; i < end; i++) {
      const b = buf[i]!;
      h = Math.imul(h ^ b, 16777619);
      const k = i - start;
      if (k < 4) w0 |= b << (8 * k);
      else if (k < 8) w1 |= b << (8 * (k - 4));
      if (b === 0) inline = false;
    }
    const len = end - start;
    const slots = this.slots;
    let slot = h & this.mask;
    for (;;) {
      const at = slot << 2;
      const id1 = slots[at]!;
      if (id1 === 0) break;
      if (slots[at + 1] === h && slots[at + 2] === w0 && slots[at + 3] === w1) {
        const id = id1 - 1;
        if (inline ? this.lengths[id]! <= 8 : this.sameBytes(id, buf, start, len)) return id;
      }
      slot = (slot + 1) & this.mask;
    }
    const id = this.size++;
    if (id >= this.offsets.length) {
      this.offsets = grow(this.offsets);
      this.lengths = grow(this.lengths);
    }
    if (this.used + len > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, this.used + len));
      next.set(this.arena);
      this.arena = next;
    }
    this.arena.set(buf.subarray(start, end), this.used);
    this.offsets[id] = this.used;
    this.lengths[id] = inline ? len : len + 0x40000000; // long or with a NUL: compare bytes
    this.used += len;
    const at = slot << 2;
    slots[at] = id + 1;
    slots[at + 1] = h;
    slots[at + 2] = w0;
    slots[at + 3] = w1;
    if (this.size * 2 > this.mask + 1) this.rehash();
    return id;
  }

  private sameBytes(id: number, buf: Uint8Array, start: number, len: number): boolean {
    if ((this.lengths[id]! & 0x3fffffff) !== len) return false;
    const off = this.offsets[id]!;
    for (let i = 0; i < len; i++) if (this.arena[off + i] !== buf[start + i]) return false;
    return true;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = (this.mask << 1) | 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at] === 0) continue;
      let slot = old[at + 1]! & this.mask;
      while (this.slots[slot << 2] !== 0) slot = (slot + 1) & this.mask;
      this.slots.set(old.subarray(at, at + 4), slot << 2);
    }
  }
}

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
  const fd = openSync(path, "r");
  try {
    const total = fstatSync(fd).size;
    const CHUNK = 16 << 20;
    let buf = new Uint8Array(CHUNK);
    let have = 0; // bytes in buf
    let read = 0;
    let line = 0;
    let order: Int32Array | undefined; // header column → role position
    const n = roles.length;
    const fs = new Int32Array(n);
    const fe = new Int32Array(n);
    const cs = new Int32Array(n);
    const ce = new Int32Array(n);
    let eof = false;
    while (!eof) {
      if (have === buf.length) buf = grow(buf);
      const got = readSync(fd, buf, have, buf.length - have, null);
      if (got === 0) {
        eof = true;
        if (have === 0) break;
        if (buf[have - 1] !== NL) {
          if (have === buf.length) buf = grow(buf);
          buf[have++] = NL;
        }
      }
      have += got;
      read += got;
      let pos = 0;
      for (;;) {
        const nl = buf.indexOf(NL, pos);
        if (nl < 0 || nl >= have) break;
        line++;
        let end = nl;
        if (end > pos && buf[end - 1] === CR) end--;
        if (end > pos) {
          if (line === 1 && buf[pos] === 0xef && buf[pos + 1] === 0xbb && buf[pos + 2] === 0xbf) pos += 3;
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
          } else {
            for (let c = 0; c < n; c++) {
              cs[order[c]!] = fs[c]!;
              ce[order[c]!] = fe[c]!;
            }
            row(buf, cs, ce, line);
          }
        }
        pos = nl + 1;
      }
      buf.copyWithin(0, pos, have);
      have -= pos;
      progress?.(read, total);
    }
  } finally {
    closeSync(fd);
  }
}

function digits(buf: Uint8Array, s: number, e: number): number {
  if (s === e) return -1;
  let x = 0;
  for (let i = s; i < e; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return -1;
    x = x * 10 + d;
  }
  return x;
}

/** "YYYY-MM" → month index, −1 if malformed. */
function month(buf: Uint8Array, s: number, e: number): number {
  if (e - s !== 7 || buf[s + 4] !== 45) return -1;
  const y = digits(buf, s, s + 4);
  const m = digits(buf, s + 5, s + 7);
  return y < 0 || m < 1 || m > 12 ? -1 : y * 12 + m - 1;
}

/** "YYYY-MM-DD" → days since 1970-01-01 (H. Hinnant's days-from-civil), −1 if malformed. */
function date(buf: Uint8Array, s: number, e: number): number {
  if (e - s !== 10 || buf[s + 4] !== 45 || buf[s + 7] !== 45) return -1;
  let y = digits(buf, s, s + 4);
  const m = digits(buf, s + 5, s + 7);
  const d = digits(buf, s + 8, s + 10);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return -1;
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Hours as ten-thousandths: digits, optionally "." or "," and up to four decimals; −1 if not. */
function hours(buf: Uint8Array, s: number, e: number): number {
  let x = 0;
  let i = s;
  for (; i < e && buf[i] !== 46 && buf[i] !== COMMA; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return -1;
    x = x * 10 + d;
  }
  if (i === s) return -1;
  x *= HOURS_SCALE;
  if (i < e) {
    if (e - i - 1 < 1 || e - i - 1 > 4) return -1;
    let scale = HOURS_SCALE / 10;
    for (i++; i < e; i++, scale /= 10) {
      const d = buf[i]! - 48;
      if (d < 0 || d > 9) return -1;
      x += d * scale;
    }
  }
  return x;
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
    const k = digits(buf, s[1]!, e[1]!);
    if (k < 1 || k > 999) bad(file1, line, "kommune", buf, s[1]!, e[1]!);
    mKommune.push(k);
    const m = month(buf, s[2]!, e[2]!);
    if (m < 0) bad(file1, line, "maaned", buf, s[2]!, e[2]!);
    mMonth.push(m);
    const y = enumOf(YDELSE_B, buf, s[3]!, e[3]!);
    if (y < 0) bad(file1, line, "ydelse", buf, s[3]!, e[3]!);
    mYdelse.push(y);
    const f = digits(buf, s[4]!, e[4]!);
    if (f !== 0 && f !== 1) bad(file1, line, "fritaget", buf, s[4]!, e[4]!);
    mFri.push(f);
    const d = digits(buf, s[5]!, e[5]!);
    if (d !== 0 && d !== 1) bad(file1, line, "doed", buf, s[5]!, e[5]!);
    mDoed.push(d);
  }, (b, t) => progress?.("ydelsesmaaneder.csv", b, t));

  const iPerson = ints(est), iDay = ints(est), iArt = bytes(est), iForm = bytes(est);
  const file2 = join(dir, "samtaler.csv");
  readLines(file2, ["person", "dato", "art", "form"], (buf, s, e, line) => {
    iPerson.push(ids.intern(buf, s[0]!, e[0]!));
    const d = date(buf, s[1]!, e[1]!);
    if (d < 0) bad(file2, line, "dato", buf, s[1]!, e[1]!);
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
    const d = date(buf, s[1]!, e[1]!);
    if (d < 0) bad(file3, line, "dato", buf, s[1]!, e[1]!);
    oDay.push(d);
    const a = enumOf(TILBUD_B, buf, s[2]!, e[2]!);
    if (a < 0) bad(file3, line, "art", buf, s[2]!, e[2]!);
    oArt.push(a);
  }, (b, t) => progress?.("tilbud.csv", b, t));

  const hPerson = ints(est), hMonth = ints(est), hAmount = ints(est);
  const file4 = join(dir, "timer.csv");
  readLines(file4, ["person", "maaned", "timer"], (buf, s, e, line) => {
    hPerson.push(ids.intern(buf, s[0]!, e[0]!));
    const m = month(buf, s[1]!, e[1]!);
    if (m < 0) bad(file4, line, "maaned", buf, s[1]!, e[1]!);
    hMonth.push(m);
    const h = hours(buf, s[2]!, e[2]!);
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
