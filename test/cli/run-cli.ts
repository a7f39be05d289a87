// The CLI in this process (cli/main.ts), as the tests call it: the arguments after `tilsyn`, with
// its exit code and everything it wrote to stdout and stderr.

import { main } from "../../cli/main.js";

export async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
