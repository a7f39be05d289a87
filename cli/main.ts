// `tilsyn`: the command line. The only place that touches files, the terminal and the process.
//
// Exit codes (contracts.md): 0 success; 1 the policy has errors (or --check / tests fail);
// 2 bad usage or bad data. A user mistake is a Danish message, never a stack trace.

import { Command, CommanderError, Help, Option } from "commander";
import { problem, renderProblem } from "../diagnostics/index.js";
import { UserError } from "./io.js";
import type { DiffOptions, ExplainOptions, RunOptions, SweepOptions } from "./commands.js";
import type { TestOptions } from "./test.js";
import type { DocOptions } from "./doc.js";
import type { Terminal } from "./data-file.js";

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** stderr when it is a terminal: where a long data load shows its progress (never in pipes or tests). */
  terminal?: Terminal;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  ...(process.stderr.isTTY ? { terminal: { write: (text: string) => void process.stderr.write(text), now: () => performance.now() } } : {}),
};

// ---------------------------------------------------------------------------------------------
// The program

const danishHelp = (text: string): string =>
  text
    .replace(/^Usage:/m, "Brug:")
    .replace(/^Options:/m, "Tilvalg:")
    .replace(/^Commands:/m, "Kommandoer:")
    .replace(/^Arguments:/m, "Argumenter:")
    .replace(/\(default: ([^)]*)\)/g, "(standard: $1)")
    .replace(/\(choices: ([^)]*)\)/g, "(valg: $1)")
    .replace(/\[options\]/g, "[tilvalg]")
    .replace(/\[command\]/g, "[kommando]");

/**
 * The commands' code, imported when a command runs: the compiler, engine and data loaders are
 * most of the CLI's start-up, and help, usage errors and `fmt` need none of them.
 */
const commands = () => import("./commands.js");

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("tilsyn");
  const wrap =
    <A extends unknown[]>(fn: (...args: A) => Promise<number>) =>
    async (...args: A) =>
      setExit(await fn(...args));
  program
    .description("Tilsynsregler på dansk: tjek, oversæt og kør politikfiler (.tilsyn) på data.")
    .configureHelp({ formatHelp: (cmd, helper) => danishHelp(Help.prototype.formatHelp.call(helper, cmd, helper)) })
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: () => {} })
    .helpOption("-h, --help", "vis hjælp")
    .helpCommand("help [kommando]", "vis hjælp til en kommando")
    .showSuggestionAfterError(false)
    .exitOverride();

  program
    .command("check")
    .description("tjek politikfiler for fejl; fejl og advarsler skrives på stderr")
    .argument("<filer...>", "politikfiler eller mapper med .tilsyn-filer")
    .helpOption("-h, --help", "vis hjælp")
    .action(wrap(async (files: string[]) => (await commands()).runCheck(files, io)));

  program
    .command("compile")
    .description("oversæt politikfiler til TypeScript-moduler (ét pr. fil), der importerer tilsyn/runtime")
    .argument("<filer...>", "politikfiler")
    .requiredOption("--out <mappe>", "mappen modulerne skrives til")
    .option("--historik", "samle filer af samme politik i ét modul, der kører dem som én historik (som run)")
    .helpOption("-h, --help", "vis hjælp")
    .action(wrap(async (files: string[], options: { out: string; historik?: boolean }) => (await commands()).runCompile(files, options, io)));

  program
    .command("run")
    .description("kør politikfiler på data; flere filer med gyldighedsperioder kører som én historik")
    .argument("<filer...>", "politikfiler")
    .requiredOption("--data <mappe>", "mappen med datafilerne (<navn>.csv)")
    .option("--fra <ÅÅÅÅ-MM>", "vis kun hændelser dateret fra denne måned")
    .option("--til <ÅÅÅÅ-MM>", "vis kun hændelser dateret til og med denne måned")
    .addOption(new Option("--format <format>", "uddata").choices(["table", "json", "csv", "md"]).default("table"))
    .option("--opsummering", "vis kun antal hændelser pr. år og type")
    .option("--kommuner <fil>", "kommunelisten (standard: data/kommuner.csv)")
    .option("--alle-perioder", "se bort fra `gælder fra/til`: vurdér hele data, som om politikken altid gjaldt")
    .helpOption("-h, --help", "vis hjælp")
    .action(wrap(async (files: string[], options: RunOptions) => (await commands()).runRun(files, options, io)));

  program
    .command("fmt")
    .description("formatér politikfiler i husstilen (docs/sprog.md); --check ændrer intet, men fejler hvis noget skal ændres")
    .argument("<filer...>", "politikfiler eller mapper med .tilsyn-filer")
    .option("--check", "ændr ingen filer; exit 1 og en liste, hvis nogen ikke er formateret")
    .helpOption("-h, --help", "vis hjælp")
    .action(
      wrap(async (files: string[], options: { check?: boolean }) => {
        // Loaded on demand: prettier is only needed by this command.
        const { runFmt, nodeFmtIo } = await import("./fmt.js");
        return runFmt(files, { check: options.check ?? false }, { ...nodeFmtIo, stdout: io.stdout, stderr: io.stderr });
      }),
    );

  program
    .command("test")
    .description("kør eksemplerne (`eksempel`) i politikfiler og eksempelfiler, og vis regeldækningen")
    .argument("<filer...>", "politikfiler, eksempelfiler eller mapper med .tilsyn-filer")
    .option("--filter <tekst>", "kør kun eksempler med denne tekst i titlen")
    .addOption(new Option("--format <format>", "uddata").choices(["table", "json"]).default("table"))
    .option("--coverage-min <procent>", "fejl, hvis regeldækningen er under denne procentsats")
    .helpOption("-h, --help", "vis hjælp")
    .action(
      wrap(async (files: string[], options: TestOptions) => {
        const { runTest } = await import("./test.js");
        return runTest(files, options, io);
      }),
    );

  program
    .command("explain")
    .description("hvorfor blev en kommune (ikke) kontaktet? hvert kriterie med tal, grænse og hvad der stoppede en henvendelse")
    .argument("<filer...>", "politikfiler")
    .requiredOption("--data <mappe>", "mappen med datafilerne (<navn>.csv)")
    .requiredOption("--kommune <kode>", "kommunens kode, fx 101")
    .requiredOption("--periode <periode>", "dataperioden, som hændelserne angiver den: 2021-03, 2023-H2 eller 2023")
    .addOption(new Option("--format <format>", "uddata").choices(["table", "json"]).default("table"))
    .option("--kommuner <fil>", "kommunelisten (standard: data/kommuner.csv)")
    .option("--alle-perioder", "se bort fra `gælder fra/til`")
    .option("--person <id>", "med en måling: én persons forløb, vindue og hændelser i periodens måneder")
    .helpOption("-h, --help", "vis hjælp")
    .action(wrap(async (files: string[], options: ExplainOptions) => (await commands()).runExplain(files, options, io)));

  program
    .command("sweep")
    .description("følsomhed: henvendelser (eller overgange) og kommuner pr. år, når én grænse i én regel sættes til en række værdier")
    .argument("<filer...>", "politikfilen, eventuelt efter målingen, hvis tabel den læser")
    .requiredOption("--data <mappe>", "mappen med datafilerne")
    .requiredOption("--regel <navn>", "kriteriet, gennemgangen, målet eller målingens felt, hvis grænse ændres")
    .option("--graense <nummer>", "hvilken grænse i reglen, når den har flere (1 = den første)")
    .requiredOption("--vaerdier <værdier>", "værdierne: \"15;20;25\" eller et interval 15..30")
    .option("--trin <tal>", "skridtet i et interval (standard 1)")
    .addOption(new Option("--format <format>", "uddata").choices(["table", "csv", "json"]).default("table"))
    .option("--kommuner <fil>", "kommunelisten (standard: data/kommuner.csv)")
    .helpOption("-h, --help", "vis hjælp")
    .action(wrap(async (files: string[], options: SweepOptions) => (await commands()).runSweep(files, options, io)));

  program
    .command("doc")
    .description("skriv hver politik som en læsbar dansk side (HTML, og PDF med --pdf), eller ændringerne mellem to versioner med --forskel")
    .argument("<filer...>", "politikfiler eller mapper med .tilsyn-filer")
    .requiredOption("--out <mappe>", "mappen siderne skrives til")
    .option("--pdf", "skriv også en PDF af hver side (kræver Chromium i /usr/bin/chromium)")
    .option("--forskel", "beskriv ændringerne fra den første til den anden politikfil i ord")
    .helpOption("-h, --help", "vis hjælp")
    .action(
      wrap(async (files: string[], options: DocOptions) => {
        const { runDoc } = await import("./doc.js");
        return runDoc(files, options, io);
      }),
    );

  program
    .command("diff")
    .description("sammenlign to varianter af en politik på de samme data")
    .argument("<a>", "den første politikfil (A)")
    .argument("<b>", "den anden politikfil (B)")
    .requiredOption("--data <mappe>", "mappen med datafilerne (<navn>.csv)")
    .option("--fra <ÅÅÅÅ-MM>", "medtag kun hændelser dateret fra denne måned")
    .option("--til <ÅÅÅÅ-MM>", "medtag kun hændelser dateret til og med denne måned")
    .addOption(new Option("--format <format>", "uddata").choices(["table", "json", "md"]).default("table"))
    .option("--kommuner <fil>", "kommunelisten (standard: data/kommuner.csv)")
    .helpOption("-h, --help", "vis hjælp")
    .action(wrap(async (a: string, b: string, options: DiffOptions) => (await commands()).runDiff(a, b, options, io)));

  program
    .command("lsp")
    .description("start sprogserveren til editorer (Language Server Protocol over stdin/stdout), fx VS Code-udvidelsen i editors/vscode")
    .option("--stdio", "tal JSON-RPC over stdin og stdout (det eneste, der understøttes)")
    .helpOption("-h, --help", "vis hjælp")
    .action(
      wrap(async () => {
        const { runLsp } = await import("./lsp.js");
        return runLsp();
      }),
    );

  return program;
}

/** Commander's English usage errors, in Danish. */
function usageMessage(error: CommanderError): string {
  const m = error.message;
  let match: RegExpMatchArray | null;
  if ((match = m.match(/unknown option '([^']+)'/))) return `Ukendt tilvalg ${match[1]}. Se \`tilsyn --help\`.`;
  if ((match = m.match(/unknown command '([^']+)'/))) return `Ukendt kommando ${match[1]}. Kommandoerne er check, compile, run, fmt, test, diff, explain, sweep, doc og lsp; se \`tilsyn --help\`.`;
  if ((match = m.match(/missing required argument '([^']+)'/))) return `Der mangler ${match[1]}. Se \`tilsyn <kommando> --help\`.`;
  if ((match = m.match(/option '([^']+)' argument missing/))) return `Tilvalget ${match[1]} mangler en værdi.`;
  if ((match = m.match(/required option '([^']+)' not specified/))) return `Tilvalget ${match[1]} skal angives.`;
  if ((match = m.match(/option '([^']+)' argument '([^']+)' is invalid. Allowed choices are (.*)\./))) return `${match[2]} er ikke et gyldigt valg for ${match[1]}; vælg mellem ${match[3]}.`;
  if ((match = m.match(/too many arguments/))) return "For mange argumenter. Se `tilsyn <kommando> --help`.";
  return `Forkert brug: ${m.replace(/^error: /, "")}`;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    if (argv.length === 0) {
      io.stdout(danishHelp(program.helpInformation()));
      return 2;
    }
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.help" || error.code === "commander.version") return 0;
      io.stderr(`${renderProblem(problem("T0410", { detail: usageMessage(error) }))}\n`);
      return 2;
    }
    if (error instanceof UserError) {
      io.stderr(`${error.message}\n`);
      return error.exitCode;
    }
    // A policy whose expressions are deeper than even the worker's stack (cli/launch.ts) holds.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      io.stderr(`${renderProblem(problem("T0412", {}))}\n`);
      return 1;
    }
    io.stderr(
      `intern fejl: tilsyn stødte på en fejl, der ikke skyldes dine filer (${(error as Error).message ?? error}).\n` +
        `  = hjælp: Meld fejlen med kommandoen og filerne; sæt TILSYN_DEBUG=1 for detaljer.\n`,
    );
    if (process.env["TILSYN_DEBUG"]) io.stderr(`${(error as Error).stack}\n`);
    return 70;
  }
}
