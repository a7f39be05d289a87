// The bundled policies (policies/*.tilsyn), selectable from the menu.

const files = import.meta.glob<string>(["../../policies/*.tilsyn", "../../policies/maaling/*.tilsyn"], { query: "?raw", import: "default", eager: true });

export interface SamplePolicy {
  /** File name, e.g. "tidlig-indsats-2020.tilsyn". */
  file: string;
  /** The title from the `politik` line, or the file name. */
  title: string;
  source: string;
}

/** A file with a `måling` block (measured from person data). */
export const isMeasurement = (source: string): boolean => /^måling\s/m.test(source);

export const samplePolicies: SamplePolicy[] = Object.entries(files)
  .map(([path, source]) => {
    const file = path.replace(/^.*\//, "");
    const title = /^\s*politik\s+\S+\s+"([^"]*)"/m.exec(source)?.[1] ?? file;
    return { file, title, source };
  })
  // Measurements (policies/maaling/) after the policies they run into.
  .sort((a, b) => Number(isMeasurement(a.source)) - Number(isMeasurement(b.source)) || a.file.localeCompare(b.file, "da"));

/**
 * The bundled policy (not a measurement) that reads data NAME per kommune: the one a measured
 * table of that name is handed to, as `tilsyn run MÅLING.tilsyn POLITIK.tilsyn` does.
 */
export function chainedPolicy(name: string): SamplePolicy | undefined {
  const reads = new RegExp(`^data\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s+pr\\s+kommune`, "m");
  return samplePolicies.find((p) => !isMeasurement(p.source) && reads.test(p.source));
}

export const findPolicy = (file: string): SamplePolicy | undefined => samplePolicies.find((p) => p.file === file);

export const EARLY_2020 = "tidlig-indsats-2020.tilsyn";
export const EARLY_2024 = "tidlig-indsats-2024.tilsyn";
