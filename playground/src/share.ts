// Sharing without a server: the state is JSON, deflated with the browser's CompressionStream
// and written as base64url into the address's fragment (#s=…), which never leaves the browser.

export interface SharedState {
  /** The policy text. */
  policy: string;
  /** The variant's text, when there is one. */
  variant?: string;
  /** The tab labels of the policy and the variant. */
  labels?: [string, string];
  /** The bundled policy the text started from (for the menu). */
  file?: string;
  /** The sample data set. */
  sample: string;
  /** "YYYY-MM" */
  from?: string;
  to?: string;
  ignoreInForce?: boolean;
  /** The results view that was open. */
  view?: string;
}

const FORMAT_VERSION = 1;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function encodeState(state: SharedState): Promise<string> {
  const json = JSON.stringify({ v: FORMAT_VERSION, ...state });
  return toBase64Url(await pipe(new TextEncoder().encode(json), new CompressionStream("deflate-raw")));
}

export async function decodeState(encoded: string): Promise<SharedState> {
  const bytes = await pipe(fromBase64Url(encoded), new DecompressionStream("deflate-raw"));
  const value = JSON.parse(new TextDecoder().decode(bytes)) as Partial<SharedState> & { v?: number };
  if (value.v !== FORMAT_VERSION || typeof value.policy !== "string") {
    throw new Error("Linket er fra en anden version af legepladsen eller er beskadiget.");
  }
  return {
    policy: value.policy,
    variant: typeof value.variant === "string" ? value.variant : undefined,
    labels:
      Array.isArray(value.labels) && value.labels.length === 2 && value.labels.every((l) => typeof l === "string")
        ? [value.labels[0], value.labels[1]]
        : undefined,
    file: typeof value.file === "string" ? value.file : undefined,
    sample: typeof value.sample === "string" ? value.sample : "eksempel",
    from: typeof value.from === "string" ? value.from : undefined,
    to: typeof value.to === "string" ? value.to : undefined,
    ignoreInForce: value.ignoreInForce === true,
    view: typeof value.view === "string" ? value.view : undefined,
  };
}

/** The link for a state: this page's address with the state in the fragment. */
export async function shareUrl(state: SharedState, base: string = location.href): Promise<string> {
  const url = new URL(base);
  url.hash = `s=${await encodeState(state)}`;
  return url.toString();
}

/** The state in an address's fragment, if any. */
export async function stateFromHash(hash: string = location.hash): Promise<SharedState | undefined> {
  const match = /(?:^#|&)s=([A-Za-z0-9_-]+)/.exec(hash);
  return match ? decodeState(match[1]!) : undefined;
}
