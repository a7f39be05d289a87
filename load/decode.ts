// Bytes of a data file to text, chunk by chunk, the way Danish offices save CSV files: UTF-8 with
// or without a byte-order mark, or Windows-1252 (Excel's "CSV (semikolonsepareret)" on a Danish
// Windows). Browser-safe: only TextDecoder, no Node API.
//
// The encoding is decided by the bytes themselves. A file starting with the UTF-8 BOM is UTF-8. A
// file is read as UTF-8 until a byte sequence is not valid UTF-8: if everything before it was
// plain ASCII (so both readings agree on it), the rest of the file is Windows-1252; if UTF-8
// characters came before it, the file mixes encodings, and it is refused rather than guessed. A
// byte that Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) or a control character
// other than tab, LF and CR (a NUL from a UTF-16 file, say) is refused too. Nothing is ever
// replaced by U+FFFD.

export type Encoding = "utf-8" | "windows-1252";

/** Why decoding stopped: the text before the bad byte was returned, this is the byte. */
export interface DecodeProblem {
  /** The bad byte, e.g. "0xE6". */
  byte: string;
  /** "mixed": valid UTF-8 with non-ASCII characters came before it; "invalid" otherwise. */
  kind: "mixed" | "invalid";
}

// Control characters (but tab, LF, CR) and the five bytes Windows-1252 leaves undefined, which
// TextDecoder maps to the C1 controls of the same number.
const UNREADABLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x81\x8d\x8f\x90\x9d]/;
const NON_ASCII = /[^\x00-\x7f]/;

const hex = (b: number): string => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`;

/** Index of the first byte of `bytes` that does not start a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + len > n) return i; // cut off at the end: invalid here (the caller only passes whole sequences)
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k < len; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += len;
  }
  return -1;
}

/** Length of an incomplete UTF-8 sequence at the end of `bytes` (0–3), kept for the next chunk. */
function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back]!;
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return len > back ? back : 0;
    }
  }
  return 0;
}

/**
 * Decodes a file's bytes chunk by chunk. `decode` returns the text of a chunk; after a problem it
 * returns the text before the bad byte, sets `problem`, and returns "" from then on.
 */
export class ByteDecoder {
  /** Decided once a BOM or a non-ASCII character has been read; undefined while all is ASCII. */
  encoding: Encoding | undefined;
  /** The file started with a UTF-8 byte-order mark (dropped from the text). */
  bom = false;
  problem: DecodeProblem | undefined;

  private started = false;
  private pending: Uint8Array | undefined;
  private readonly utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  // Typed by what is used, so that the runtime (which imports the person reader) type-checks without the DOM library.
  private cp1252: { decode(input?: Uint8Array, options?: { stream?: boolean }): string } | undefined;

  /** The text of the next chunk; pass `final` with (or after) the last one. */
  decode(chunk: Uint8Array, final = false): string {
    if (this.problem) return "";
    let bytes = chunk;
    if (this.pending) {
      const joined = new Uint8Array(this.pending.length + chunk.length);
      joined.set(this.pending);
      joined.set(chunk, this.pending.length);
      bytes = joined;
      this.pending = undefined;
    }
    if (!this.started) {
      if (bytes.length < 3 && !final) {
        this.pending = bytes; // wait for enough bytes to see a BOM
        return "";
      }
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        this.bom = true;
        this.encoding = "utf-8";
        bytes = bytes.subarray(3);
      }
    }
    if (this.encoding === "windows-1252") return this.checked(this.cp1252!.decode(bytes, { stream: !final }));

    // UTF-8 so far (or only ASCII): decode the whole sequences, keep a cut-off one for the next chunk.
    const tail = final ? 0 : incompleteTail(bytes);
    if (tail > 0) {
      this.pending = bytes.slice(bytes.length - tail);
      bytes = bytes.subarray(0, bytes.length - tail);
    }
    let text: string;
    try {
      text = this.utf8.decode(bytes);
    } catch {
      const bad = firstInvalidUtf8(bytes);
      const before = this.utf8.decode(bytes.subarray(0, bad));
      if (this.encoding === "utf-8" || NON_ASCII.test(before)) {
        this.pending = undefined;
        const shown = this.checked(before); // an unreadable character before the bad byte comes first
        this.problem ??= { byte: hex(bytes[bad]!), kind: "mixed" };
        return shown;
      }
      // Everything so far was ASCII, which Windows-1252 reads the same: the file is Windows-1252.
      this.encoding = "windows-1252";
      this.cp1252 = new TextDecoder("windows-1252");
      const rest = this.pending;
      this.pending = undefined;
      const text1252 = this.cp1252.decode(bytes, { stream: true }) + (rest ? this.cp1252.decode(rest, { stream: !final }) : final ? this.cp1252.decode() : "");
      return this.checked(text1252);
    }
    if (this.encoding === undefined && NON_ASCII.test(text)) this.encoding = "utf-8";
    return this.checked(text);
  }

  /** The text up to its first unreadable character (setting `problem` there), or all of it. */
  private checked(text: string): string {
    const m = UNREADABLE.exec(text);
    if (!m) return text;
    this.problem ??= { byte: hex(text.charCodeAt(m.index) & 0xff), kind: "invalid" };
    return text.slice(0, m.index);
  }
}
