// The bundled policies (policies/*.tilsyn), selectable from the menu.

const files = import.meta.glob<string>("../../policies/*.tilsyn", { query: "?raw", import: "default", eager: true });

export interface SamplePolicy {
  /** File name, e.g. "tidlig-indsats-2020.tilsyn". */
  file: string;
  /** The title from the `politik` line, or the file name. */
  title: string;
  source: string;
}

export const samplePolicies: SamplePolicy[] = Object.entries(files)
  .map(([path, source]) => {
    const file = path.replace(/^.*\//, "");
    const title = /^\s*politik\s+\S+\s+"([^"]*)"/m.exec(source)?.[1] ?? file;
    return { file, title, source };
  })
  .sort((a, b) => a.file.localeCompare(b.file, "da"));

export const findPolicy = (file: string): SamplePolicy | undefined => samplePolicies.find((p) => p.file === file);

export const EARLY_2020 = "tidlig-indsats-2020.tilsyn";
export const EARLY_2024 = "tidlig-indsats-2024.tilsyn";
