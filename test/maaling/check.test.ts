// The checker on measurements: each T026x (and the older codes a måling reuses) in Danish, at the spot.

import { describe, expect, it } from "vitest";
import { checkPolicy } from "../../compiler/index.js";

const HEAD = `politik m "M"
data maaneder pr person, måned
  kommune: tekst
  ydelse: tekst
  doed: antal
  timer: tal
data samtaler pr person, dato
  art: tekst
`;

/** The errors of a policy with HEAD and `body`, as "CODE line:column message". */
function errors(body: string): string[] {
  const source = HEAD + body;
  return checkPolicy(source, "m.tilsyn")
    .diagnostics.filter((d) => d.severity === "fejl")
    .map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column} ${d.message}`);
}

const OK = `måling t pr kommune, måned
  forløb i maaneder med samme ydelse
  død når doed = 1
  vindue de seneste 12 måneder af forløbet
  tæl samtaler
    når art = "jobsamtale" og ikke første(samtaler hvor art = "jobsamtale")
      gælder fra 2023-03-22
  a = antal(personer hvor varighed mindst 12)
  b = antal(personer hvor a og antal(samtaler) under 4 og sum(timer) under 100)
`;

describe("checking a måling", () => {
  it("a well-formed måling has no errors and lowers to a plan", () => {
    expect(errors(OK)).toEqual([]);
    expect(checkPolicy(HEAD + OK, "m.tilsyn").measurements?.map((p) => p.outputs.map((o) => o.name))).toEqual([["a", "b"]]);
  });

  it("T0261: texts, antal(…) and første(…) belong in a måling", () => {
    expect(errors(`mål x = "jobsamtale"\n`)).toEqual(["T0261 9:9 En tekst kan kun bruges i en `måling`."]);
    expect(errors(`mål x = antal(samtaler) over 2\n`)[0]).toMatch(/^T0261 9:9 `antal\(…\)` kan kun bruges i en `måling`\.$/);
  });

  it("T0262: the spell follows person-month data, tæl counts dated data, with 'mente du'", () => {
    expect(errors(OK.replace("forløb i maaneder", "forløb i samtaler"))).toEqual([
      "T0262 10:12 `samtaler` er ikke data pr. person og måned.",
    ]);
    expect(errors(OK.replace("tæl samtaler", "tæl samtalr"))[0]).toBe("T0262 13:7 `samtalr` er ikke daterede data (`pr person, dato`).");
    expect(checkPolicy(HEAD + OK.replace("tæl samtaler", "tæl samtalr"), "m.tilsyn").diagnostics[0]!.hint).toBe("Mente du `samtaler`?");
  });

  it("T0263: a måling without its spell, window or fields", () => {
    expect(errors(`måling t pr kommune, måned\n`).map((e) => e.split(" ").slice(0, 2).join(" "))).toEqual(["T0263 9:8", "T0263 9:8", "T0263 9:8"]);
  });

  it("T0264: første(…) outside tæl, antal(personer …) inside an expression, an event's count in an event's condition", () => {
    expect(errors(OK.replace("varighed mindst 12", "første(samtaler hvor art = \"x\")"))[0]).toMatch(/^T0264 .*`første\(…\)` handler om en hændelse/);
    expect(errors(OK.replace("a og antal(samtaler)", "antal(personer hvor a) og antal(samtaler)"))[0]).toMatch(/^T0264 .*er et helt felt i målingens tabel/);
    expect(errors(OK.replace('når art = "jobsamtale" og', 'når antal(samtaler) over 1 og'))[0]).toMatch(/^T0264 .*en hændelses betingelse/);
  });

  it("T0265: a text compared with a number, or with `over`", () => {
    expect(errors(OK.replace('art = "jobsamtale" og', 'art = 3 og'))[0]).toBe('T0265 14:9 Her sammenlignes en tekst med et tal: `art = 3`.');
    expect(errors(OK.replace('art = "jobsamtale" og', 'art over "a" og'))[0]).toBe('T0265 14:9 Her sammenlignes en tekst med `over`: `art over "a"`.');
  });

  it("T0266: `tal` is for person data only; T0267: the spell's data needs its kommune", () => {
    expect(errors(`data d pr kommune, måned\n  x: tal\n`)[0]).toBe("T0266 10:6 Typen `tal` kan kun bruges i persondata (`data … pr person, …`).");
    const noKommune = HEAD.replace("  kommune: tekst\n", "");
    const e = checkPolicy(noKommune + OK, "m.tilsyn").diagnostics.filter((d) => d.severity === "fejl").map((d) => d.code);
    expect(e).toEqual(["T0267"]);
  });

  it("T0201: an unknown name in a måling suggests the close one", () => {
    const d = checkPolicy(HEAD + OK.replace("varighed mindst 12", "varighd mindst 12"), "m.tilsyn").diagnostics[0]!;
    expect([d.code, d.hint]).toEqual(["T0201", "Mente du `varighed`?"]);
  });
});

describe("T0263 for a tæl without cases", () => {
  it("names the tæl", () => {
    const e = errors(OK.replace(/  tæl samtaler\n    når .*\n      gælder fra 2023-03-22\n/, "  tæl samtaler\n"));
    expect(e).toEqual(["T0263 13:7 Målingen `t` mangler `når` i `tæl samtaler`."]);
  });
});

describe("person data has fields only", () => {
  it("a publication line in person data is T0120 at that line", () => {
    const d = checkPolicy(`politik p "P"\ndata x pr person, måned\n  kommune: tekst\n  offentliggøres 1 måned efter måneden\n`, "p.tilsyn").diagnostics;
    expect(d.map((x) => `${x.code} ${x.span.start.line}:${x.span.start.column}`)).toEqual(["T0120 4:3"]);
  });

  it("a measure may still be called første or personer (they are keywords only before `(`)", () => {
    const src = `politik p "P"\ndata d pr kommune, måned\n  personer: antal\n  offentliggøres 1 måned efter måneden\nmål første = personer over 3\n`;
    expect(checkPolicy(src, "p.tilsyn").diagnostics.filter((x) => x.severity === "fejl")).toEqual([]);
  });
});
