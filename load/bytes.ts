// Reading person-level files straight from bytes, without a string per row or per cell: lines
// cut from chunks, ids interned by their bytes, and the cells of contracts.md ("Person-level
// data") decoded to integers. Shared by the policy's loader (load/persons.ts, its fast path) and
// the benchmark's hand-written loader (bench/maaling/load.ts). Pure: no file system, so the
// playground can use it too.
//
// Every decoder returns −1 for what it does not read (dates, which may be negative: NOT_A_DAY);
// the caller decides what that means (the policy's loader then reads the file as text, which
// gives the Danish diagnostics).

const NL = 10;
const CR = 13;

function grow<T extends Int32Array | Uint8Array>(a: T, atLeast = 0): T {
  const next = new (a.constructor as new (n: number) => T)(Math.max(a.length * 2, atLeast));
  next.set(a);
  return next;
}

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

  // The last probe: the key's hash and first 8 bytes, and the slot where it was found or belongs.
  private h = 0;
  private w0 = 0;
  private w1 = 0;
  private inline = false;
  private slot = 0;

  /** The id of a byte string interned before, or −1. */
  find(buf: Uint8Array, start: number, end: number): number {
    return this.probe(buf, start, end);
  }

  intern(buf: Uint8Array, start: number, end: number): number {
    const found = this.probe(buf, start, end);
    return found >= 0 ? found : this.add(buf, start, end);
  }

  /** Looks the key up: its id, or −1 with `slot` the empty slot it belongs in. */
  private probe(buf: Uint8Array, start: number, end: number): number {
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
    this.h = h;
    this.w0 = w0;
    this.w1 = w1;
    this.inline = inline;
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
    this.slot = slot;
    return -1;
  }

  /** Adds the key just probed for. */
  private add(buf: Uint8Array, start: number, end: number): number {
    const len = end - start;
    const inline = this.inline;
    const slot = this.slot;
    const id = this.size++;
    if (id >= this.offsets.length) {
      this.offsets = grow(this.offsets);
      this.lengths = grow(this.lengths);
    }
    if (this.used + len > this.arena.length) this.arena = grow(this.arena, this.used + len);
    this.arena.set(buf.subarray(start, end), this.used);
    this.offsets[id] = this.used;
    this.lengths[id] = inline ? len : len + 0x40000000; // long or with a NUL: compare bytes
    this.used += len;
    const at = slot << 2;
    const slots = this.slots;
    slots[at] = id + 1;
    slots[at + 1] = this.h;
    slots[at + 2] = this.w0;
    slots[at + 3] = this.w1;
    if (this.size * 2 > this.mask + 1) this.rehash();
    return id;
  }

  /** The bytes of an id. */
  bytes(id: number): Uint8Array {
    const off = this.offsets[id]!;
    return this.arena.subarray(off, off + (this.lengths[id]! & 0x3fffffff));
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

/**
 * Cuts pushed chunks into lines: `onLine(buf, start, end, line)` gets each line's bytes without
 * its LF or CRLF, with its 1-based number, blank lines included; a UTF-8 BOM before line 1 is
 * skipped (`bom` says so). `onLine` returning false stops the reading (`stopped`). A line split
 * between chunks is joined; a line is never copied otherwise.
 */
export class ByteLines {
  private carry = new Uint8Array(1 << 12);
  private carried = 0;
  private line = 0;
  bom = false;
  stopped = false;

  constructor(private readonly onLine: (buf: Uint8Array, start: number, end: number, line: number) => boolean | void) {}

  push(chunk: Uint8Array): void {
    if (this.stopped) return;
    let pos = 0;
    if (this.carried > 0) {
      const nl = chunk.indexOf(NL);
      if (nl < 0) return this.keep(chunk, 0);
      this.keep(chunk.subarray(0, nl), 0);
      this.emit(this.carry, 0, this.carried);
      this.carried = 0;
      pos = nl + 1;
    }
    for (;;) {
      if (this.stopped) return;
      const nl = chunk.indexOf(NL, pos);
      if (nl < 0) break;
      this.emit(chunk, pos, nl);
      pos = nl + 1;
    }
    if (pos < chunk.length) this.keep(chunk, pos);
  }

  /** No more bytes: the last line need not end with a line break. */
  end(): void {
    if (this.carried > 0 && !this.stopped) this.emit(this.carry, 0, this.carried);
    this.carried = 0;
  }

  private keep(chunk: Uint8Array, from: number): void {
    const n = chunk.length - from;
    if (this.carried + n > this.carry.length) this.carry = grow(this.carry, this.carried + n);
    this.carry.set(chunk.subarray(from), this.carried);
    this.carried += n;
  }

  private emit(buf: Uint8Array, start: number, end: number): void {
    this.line++;
    if (end > start && buf[end - 1] === CR) end--;
    if (this.line === 1 && end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) {
      start += 3;
      this.bom = true;
    }
    if (this.onLine(buf, start, end, this.line) === false) this.stopped = true;
  }
}

/** The decimal digits buf[s..e) as a number; −1 if empty, not all digits, or more than 15. */
export function digitsOf(buf: Uint8Array, s: number, e: number): number {
  if (s === e || e - s > 15) return -1;
  let x = 0;
  for (let i = s; i < e; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return -1;
    x = x * 10 + d;
  }
  return x;
}

/** "YYYY-MM" → month index (year × 12 + month − 1), −1 if malformed. */
export function monthOf(buf: Uint8Array, s: number, e: number): number {
  if (e - s !== 7 || buf[s + 4] !== 45) return -1;
  const y = digitsOf(buf, s, s + 4);
  const m = digitsOf(buf, s + 5, s + 7);
  return y < 0 || m < 1 || m > 12 ? -1 : y * 12 + m - 1;
}

/** Days since 1970-01-01 of the first day of a month index (Date.UTC once per month, not per row). */
const MONTH_START = new Map<number, number>();
export function monthStart(monthIndex: number): number {
  let d = MONTH_START.get(monthIndex);
  if (d === undefined) {
    d = Date.UTC(Math.floor(monthIndex / 12), monthIndex % 12, 1) / 86400000;
    MONTH_START.set(monthIndex, d);
  }
  return d;
}

/** What the date decoders return for no date (day numbers before 1970 are negative). */
export const NOT_A_DAY = -0x80000000;

/** Days since 1970-01-01 of year, month (1–12) and day, or NOT_A_DAY if there is no such date. */
export function dayFromParts(y: number, m: number, d: number): number {
  if (y < 0 || m < 1 || m > 12 || d < 1) return NOT_A_DAY;
  const index = y * 12 + m - 1;
  const first = monthStart(index);
  if (d > monthStart(index + 1) - first) return NOT_A_DAY;
  return first + d - 1;
}

/** "YYYY-MM-DD" → days since 1970-01-01, NOT_A_DAY if malformed or no such date. */
export function dayOf(buf: Uint8Array, s: number, e: number): number {
  if (e - s !== 10 || buf[s + 4] !== 45 || buf[s + 7] !== 45) return NOT_A_DAY;
  return dayFromParts(digitsOf(buf, s, s + 4), digitsOf(buf, s + 5, s + 7), digitsOf(buf, s + 8, s + 10));
}

/**
 * A non-negative decimal with "." or "," and one to four decimals, as an integer of
 * ten-thousandths, exactly; −1 if not of that form or above 10^11.
 */
export function tenThousandthsOf(buf: Uint8Array, s: number, e: number): number {
  let i = s;
  let x = 0;
  for (; i < e && buf[i] !== 46 && buf[i] !== 44; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return -1;
    x = x * 10 + d;
  }
  if (i === s || i - s > 11) return -1;
  x *= 10000;
  if (i < e) {
    const decimals = e - i - 1;
    if (decimals < 1 || decimals > 4) return -1;
    let scale = 1000;
    for (i++; i < e; i++, scale /= 10) {
      const d = buf[i]! - 48;
      if (d < 0 || d > 9) return -1;
      x += d * scale;
    }
  }
  return x;
}
