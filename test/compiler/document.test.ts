// `tilsyn doc`: a policy as a readable Danish page, and two versions compared in prose (issue #10).
// The texts are checked against the regulation's words, not against a stored copy of the page.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPolicy } from "../../compiler/index.js";
import { changeSentences, policyDocument } from "../../compiler/document.js";

const root = join(import.meta.dirname, "..", "..");
const checked = (name: string) => {
  const file = `policies/${name}.tilsyn`;
  const c = checkPolicy(readFileSync(join(root, file), "utf8"), file);
  expect(c.plan).toBeDefined();
  return c;
};
/** The page's text as a reader sees it: tags out, entities back. */
const visible = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("the skærpet tilsyn page", () => {
  const html = policyDocument(checked("skaerpet-tilsyn"));
  const text = visible(html);

  it("states the focus goals' limits and the 12-month mean in words", () => {
    expect(text).toContain("«under 30 pct. uden tilbud» er opfyldt, når gennemsnitlig andel uden tilbud er under 30 %.");
    expect(text).toContain("«under 20 pct. med under 4 samtaler» er opfyldt, når gennemsnitlig andel med under 4 samtaler er under 20 %.");
    expect(text).toContain("gennemsnittet af uden_tilbud delt med maalgruppe over de seneste 12 måneder");
  });

  it("cites §§ 6–13 of the order and draws the state machine with every state", () => {
    for (const paragraph of [6, 7, 8, 9, 10, 11, 12, 13]) expect(text, `§ ${paragraph}`).toMatch(new RegExp(`§ ${paragraph}\\b`));
    expect(html).toContain('<svg class="forloeb"');
    for (const state of ["normal", "skærpet_tilsyn", "forlænget_genopretning", "administration"]) expect(html).toContain(`data-tilstand="${state}"`);
  });

  it("gives § 8's meeting notice as a note, not as a deadline", () => {
    expect(text).toContain("mindst en uges varsel");
    expect(text).not.toContain("mødevarsel");
    expect(text).toContain("Fristen redegørelse : 3 måneder efter meddelelse.");
  });

  it("is one self-contained page: no script, no link or image from elsewhere", () => {
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
    expect(html.startsWith("<!doctype html>")).toBe(true);
  });
});

describe("criteria as sentences", () => {
  it("jobsøgning: threshold, streak, minimum population and the delay of three months", () => {
    const text = visible(policyDocument(checked("jobsoegning")));
    expect(text).toContain("Kriteriet er opfyldt for en kommune i en måned, når andel røde er over 40 % i 3 sammenhængende måneder.");
    expect(text).toContain("Det gælder kun, når «mindst 20 røde og over 40 jobparate i måneden» er opfyldt (minimumspopulation).");
    expect(text).toContain("Kriteriet vurderes på data 3 måneder senere.");
    expect(text).toContain("Der sendes ingen henvendelser fra 1. marts 2020 til og med 31. december 2020.");
    expect(text).toContain("telefon");
  });

  it("tidlig indsats 2020: each ydelsesgruppe on its own, and the offers only on data from March 2022", () => {
    const text = visible(policyDocument(checked("tidlig-indsats-2020")));
    expect(text).toContain("Kommunerne vurderes hver måned, hver ydelsesgruppe for sig.");
    expect(text).toContain("Det gælder for data fra marts 2022.");
  });
});

describe("doc --forskel: 2020 rules against 2024 rules", () => {
  const sentences = changeSentences(checked("tidlig-indsats-2020").plan!, checked("tidlig-indsats-2024").plan!);

  it("names the cadence and the pooling, the dropped written account and the limit of two a year", () => {
    expect(sentences).toContain("Opgørelsen er ændret fra månedlig pr. ydelsesgruppe til halvårlig for alle ydelsesgrupper under ét.");
    expect(sentences.some((s) => s.startsWith("Den skriftlige redegørelse") && s.endsWith("er bortfaldet."))).toBe(true);
    expect(sentences).toContain("Der sendes nu højst 2 henvendelser pr. år til samme kommune (før var der ingen grænse).");
  });

  it("a policy compared with itself has no changes", () => {
    const plan = checked("jobsoegning").plan!;
    expect(changeSentences(plan, plan)).toEqual(["De to versioner beslutter det samme; kun tekster, der ikke indgår i reglerne, kan være ændret."]);
  });
});
