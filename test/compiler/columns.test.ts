// `kolonne "…"` and `kolonner …`: the headers a data file has for a policy's keys and fields, from
// the syntax through the checker to the DataSchema the loaders check a file against.
import { describe, expect, it } from "vitest";
import { checkPolicy } from "../../compiler/index.js";
import { expectedColumns } from "../../runtime/table-builder.js";

const policy = (data: string, grouping = "") => `politik p "p"

${data}
  offentliggøres 3 måneder efter måneden

opgørelse månedlig${grouping}
  følges op ved offentliggørelse
`;

const codes = (data: string) => checkPolicy(policy(data), "p.tilsyn").diagnostics.map((d) => d.code);

describe("kolonne and kolonner", () => {
  it("lower into the DataSchema: expectedColumns() gives the headers to look for, keys first", () => {
    const checked = checkPolicy(
      policy(`data jobsoegning pr kommune, måned, gruppe
  kolonner kommune "Kommune", måned "Måned"
  kolonne gruppe " Ydelsesgruppe "
  jobparate: antal "jobparate" kolonne "Antal jobparate"
  roed: antal af jobparate`, " pr gruppe"),
      "p.tilsyn",
    );
    expect(checked.diagnostics.filter((d) => d.severity === "fejl")).toEqual([]);
    const schema = checked.plan!.data[0]!;
    expect(schema.keyHeaders).toEqual({ kommune: "Kommune", period: "Måned", group: "Ydelsesgruppe" });
    expect(schema.fields).toEqual([
      { name: "jobparate", type: "antal", column: "Antal jobparate" },
      { name: "roed", type: "antal", subsetOf: "jobparate" },
    ]);
    expect(expectedColumns(schema)).toEqual(["Kommune", "Måned", "Ydelsesgruppe", "Antal jobparate", "roed"]);
  });

  it("leave a data block without them as it was", () => {
    const checked = checkPolicy(policy(`data d pr kommune, år\n  a: antal`), "p.tilsyn");
    const schema = checked.plan!.data[0]!;
    expect(schema).not.toHaveProperty("keyHeaders");
    expect(schema.fields).toEqual([{ name: "a", type: "antal" }]);
    expect(expectedColumns(schema)).toEqual(["kommune", "aar", "a"]);
  });

  it("T0258: a name after kolonner that is not a key of the data, with a suggestion and its fix", () => {
    const d = checkPolicy(policy(`data d pr kommune, måned\n  kolonner maaned "Måned"\n  a: antal`), "p.tilsyn").diagnostics[0]!;
    expect(d.code).toBe("T0258");
    expect(d.message).toBe("`maaned` er ikke en af nøglerne i data `d` (`kommune`, `måned`).");
    expect(d.hint).toBe("mente du `måned`?");
    expect(d.fix?.replacement).toBe("måned");
    const field = checkPolicy(policy(`data d pr kommune, måned\n  kolonner a "A"\n  a: antal`), "p.tilsyn").diagnostics[0]!;
    expect(field.code).toBe("T0258");
    expect(field.hint).toContain("et felts kolonne skrives i feltets linje");
  });

  it("T0259: two fields, or a key and a field, with the same header", () => {
    expect(codes(`data d pr kommune, måned\n  a: antal kolonne "X"\n  b: antal kolonne "X"`)).toEqual(["T0259"]);
    // A header that is another field's own name is the same column too.
    expect(codes(`data d pr kommune, måned\n  a: antal kolonne "b"\n  b: antal`)).toEqual(["T0259"]);
    expect(codes(`data d pr kommune, måned\n  kolonne kommune "Kommune"\n  a: antal kolonne "Kommune"`)).toEqual(["T0259"]);
    const d = checkPolicy(policy(`data d pr kommune, måned\n  a: antal kolonne "X"\n  b: antal kolonne "X"`), "p.tilsyn").diagnostics[0]!;
    expect(d.message).toBe('Kolonnen "X" i data `d` er både feltet `a` og feltet `b`.');
    expect(d.related?.[0]?.span.start.line).toBe(4);
  });

  it("T0260: an empty header; T0109: a key given twice", () => {
    expect(codes(`data d pr kommune, måned\n  a: antal kolonne ""`)).toEqual(["T0260"]);
    expect(codes(`data d pr kommune, måned\n  a: antal kolonne "  "`)).toEqual(["T0260"]);
    expect(codes(`data d pr kommune, måned\n  kolonne kommune ""\n  a: antal`)).toEqual(["T0260"]);
    expect(codes(`data d pr kommune, måned\n  kolonne kommune "K"\n  kolonne kommune "L"\n  a: antal`)).toEqual(["T0109"]);
  });

  it("a field may still be called kolonne, and kolonne after a field's text is that field's header", () => {
    const checked = checkPolicy(policy(`data d pr kommune, måned\n  kolonne: antal "x" kolonne "K"\n  kolonne måned "M"`), "p.tilsyn");
    expect(checked.diagnostics.filter((d) => d.severity === "fejl")).toEqual([]);
    expect(expectedColumns(checked.plan!.data[0]!)).toEqual(["kommune", "M", "K"]);
  });
});
