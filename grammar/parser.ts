// The tilsyn parser: one chevrotain CstParser, created once and reused for every file.
//
// Layout is free: every clause is introduced by a keyword, so line breaks and indentation carry no
// meaning. Names (of declarations, fields, states, deadlines, anchors) may be identifiers or any
// keyword; where a name starts a repeated item (a field in a data block) a gate looks one token
// further. Errors are reported in Danish through DanishErrorMessages, which also remembers the
// catalogue code and arguments of each message so grammar/index.ts can build Diagnostics.

import {
  CstParser,
  EOF,
  tokenMatcher,
  type CstNode,
  type IParserErrorMessageProvider,
  type IToken,
  type TokenType,
} from "chevrotain";
import { formatMessage, type MessageParams } from "../diagnostics/index.js";
import {
  allTokens,
  Colon,
  Comma,
  DateLiteral,
  Dot,
  Equals,
  Greater,
  GreaterEq,
  Identifier,
  K,
  Less,
  LessEq,
  LParen,
  Minus,
  MonthLiteral,
  NumberLiteral,
  Percent,
  Pipe,
  Plus,
  RefKeyword,
  RParen,
  Slash,
  Star,
  StringLiteral,
  WordKeyword,
} from "./lexer.js";

// ---------------------------------------------------------------------------------------------
// Danish error messages

/** "a", "a eller b", "a, b eller c". */
export function danishOr(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} eller ${items[items.length - 1]}`;
}

/** How a token type is named in a message: `` `når` ``, "et navn", "et tal", … */
export function describeTokenType(type: TokenType): string {
  if (type === EOF) return "slutningen af filen";
  return type.LABEL ?? type.name;
}

/** How an actual token is named in a message. */
export function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return "slutningen af filen";
  if (tokenMatcher(token, StringLiteral)) {
    const text = token.image.length > 30 ? `${token.image.slice(0, 29)}…` : token.image;
    return `teksten ${text}`;
  }
  return `\`${token.image}\``;
}

const DECLARATION_WORDS = [
  "data",
  "opgørelse",
  "mål",
  "kriterie",
  "gennemgang",
  "undtagelse",
  "reaktion",
  "forløb",
  "måling",
  "eksempel",
];

/** The parser reports two codes: something else was expected (T0103), or a new declaration (T0104). */
type ParserCode = "T0103" | "T0104";

export type SyntaxErrorInfo = {
  [C in ParserCode]: {
    code: C;
    args: MessageParams<C>;
    /** The keywords that would have been accepted (for "mente du …?" suggestions). */
    expectedWords: string[];
  };
}[ParserCode];

const KEYWORD_OF_TYPE = new Map<TokenType, string>(Object.entries(K).map(([w, t]) => [t, w]));

/**
 * Alternatives of an expression that only a `måling` accepts: `antal(…)`, `første(…)`, a text
 * and `varighed`. Elsewhere the checker refuses them, so listing them in "Forventede …" would
 * only lengthen the message of an ordinary policy.
 */
const MEASUREMENT_ONLY_STARTS: TokenType[] = [K["antal"], K["første"], StringLiteral, K["varighed"]];

/** Only an expression can begin with `varighed`: its presence marks a list as an expression's. */
const EXPRESSION_MARKER = K["varighed"];

export class DanishErrorMessages implements IParserErrorMessageProvider {
  /** Message text → the catalogue code and arguments it was built from. */
  readonly info = new Map<string, SyntaxErrorInfo>();

  /**
   * The names of the rules being parsed when an error is reported (set for the shared parser).
   * Without it, every alternative is listed.
   */
  ruleStack: (() => string[]) | undefined;

  /** Outside a `måling`, an expression's measurement-only alternatives are left out. */
  private inContext(types: TokenType[]): TokenType[] {
    if (!types.includes(EXPRESSION_MARKER)) return types;
    const stack = this.ruleStack?.() ?? ["measurementDecl"];
    if (stack.includes("measurementDecl")) return types;
    return types.filter((t) => !MEASUREMENT_ONLY_STARTS.includes(t));
  }

  private build(info: SyntaxErrorInfo): string {
    // Two branches so that each code's parameters are checked against its own message.
    const message = info.code === "T0103" ? formatMessage(info.code, info.args) : formatMessage(info.code, info.args);
    this.info.set(message, info);
    return message;
  }

  private expected(types: TokenType[], actual: IToken): string {
    if (types.length > 0 && types.every((t) => t === EOF)) {
      return this.build({
        code: "T0104",
        args: { declarations: DECLARATION_WORDS.map((w) => `\`${w}\``).join(", "), found: describeToken(actual) },
        expectedWords: DECLARATION_WORDS,
      });
    }
    types = this.inContext(types);
    const seen: string[] = [];
    for (const type of types) {
      const label = describeTokenType(type);
      if (!seen.includes(label)) seen.push(label);
    }
    const shown = seen.length > 10 ? [...seen.slice(0, 9), "…"] : seen;
    const words = types.map((t) => KEYWORD_OF_TYPE.get(t)).filter((w): w is string => w !== undefined);
    return this.build({
      code: "T0103",
      args: { expected: danishOr(shown), found: describeToken(actual) },
      expectedWords: [...new Set(words)],
    });
  }

  buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken }): string {
    return this.expected([options.expected], options.actual);
  }

  buildNotAllInputParsedMessage(options: { firstRedundant: IToken }): string {
    return this.expected([EOF], options.firstRedundant);
  }

  buildNoViableAltMessage(options: {
    expectedPathsPerAlt: TokenType[][][];
    actual: IToken[];
  }): string {
    const firsts = options.expectedPathsPerAlt.flatMap((alt) => alt.map((path) => path[0]!));
    return this.expected(firsts.filter(Boolean), options.actual[0]!);
  }

  buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[] }): string {
    const firsts = options.expectedIterationPaths.map((path) => path[0]!);
    return this.expected(firsts.filter(Boolean), options.actual[0]!);
  }
}

export const errorMessages = new DanishErrorMessages();

// ---------------------------------------------------------------------------------------------
// The grammar (see docs/sprog.md, «Syntaks», for the EBNF)

/** The words that begin a clause of a `måling` (besides `NAME =`, a field of its table). */
const MEASUREMENT_CLAUSE_START = [K["kilde"], K["forløb"], K["død"], K["vindue"], K["tæl"]];

const WINDOW_START = [K["måneden"], K["halvåret"], K["året"], K["de"]];

/** The words that begin a qualifier of an expectation (`til 101`, `for 2021-03`, …). */
const QUALIFIER_WORDS = [K["til"], K["af"], K["for"], K["i"], K["den"], K["efter"], K["med"]];

/** After the noun of an expectation, these words begin something else than a deadline's name. */
const NOT_A_NAME_HERE = [
  ...QUALIFIER_WORDS,
  K["forventer"],
  K["kilde"],
  K["politik"],
  ...DECLARATION_WORDS.map((w) => K[w as keyof typeof K]),
];

export class TilsynParser extends CstParser {
  /**
   * `validate` runs chevrotain's grammar validations (ambiguities, left recursion, …) while the
   * parser is built. The shared instance skips them, since they cost start-up time in every
   * process that parses; the self-check test builds a parser with them on.
   */
  constructor(options: { validate?: boolean } = {}) {
    super(allTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: "full",
      maxLookahead: 3,
      errorMessageProvider: errorMessages,
      skipValidations: !options.validate,
    });
    this.performSelfAnalysis();
  }

  private la(i: number, type: TokenType): boolean {
    return tokenMatcher(this.LA(i), type);
  }

  // File = [ PolicyHeader | ExamplesFor ] { Declaration }
  public file = this.RULE("file", () => {
    this.OPTION(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.policyHeader) },
        { ALT: () => this.SUBRULE(this.examplesFor) },
      ]),
    );
    this.MANY(() => this.SUBRULE(this.declaration));
  });

  // ExamplesFor = "eksempler" "til" String { "," String }
  public examplesFor = this.RULE("examplesFor", () => {
    this.CONSUME(K["eksempler"]);
    this.CONSUME(K["til"]);
    this.CONSUME(StringLiteral, { LABEL: "files" });
    this.MANY(() => {
      this.CONSUME(Comma);
      this.CONSUME2(StringLiteral, { LABEL: "files" });
    });
  });

  // AllowClause = "tillad" Name [ String ]
  public allowClause = this.RULE("allowClause", () => {
    this.CONSUME(K["tillad"]);
    this.SUBRULE(this.name, { LABEL: "code" });
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: "reason" }));
  });

  // Name = Identifier | any word keyword
  public name = this.RULE("name", () => {
    this.OR([
      { ALT: () => this.CONSUME(Identifier) },
      { ALT: () => this.CONSUME(WordKeyword) },
    ]);
  });

  // "kilde" String
  public sourceClause = this.RULE("sourceClause", () => {
    this.CONSUME(K["kilde"]);
    this.CONSUME(StringLiteral);
  });

  // PolicyHeader = "politik" Name [ String ] { "kilde" String | InForce }
  public policyHeader = this.RULE("policyHeader", () => {
    this.CONSUME(K["politik"]);
    this.SUBRULE(this.name);
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: "title" }));
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.sourceClause) },
        { ALT: () => this.SUBRULE(this.inForce) },
        { ALT: () => this.SUBRULE(this.allowClause) },
      ]),
    );
  });

  // InForce = "gælder" ( "fra" Date [ "til" Date ] | "til" Date )
  public inForce = this.RULE("inForce", () => {
    this.CONSUME(K["gælder"]);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K["fra"]);
          this.CONSUME(DateLiteral, { LABEL: "from" });
          this.OPTION(() => {
            this.CONSUME(K["til"]);
            this.CONSUME2(DateLiteral, { LABEL: "to" });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(K["til"]);
          this.CONSUME3(DateLiteral, { LABEL: "to" });
        },
      },
    ]);
  });

  // DataPeriod = "gælder" "for" "data" ( "fra" Month [ "til" Month ] | "til" Month )
  public dataPeriod = this.RULE("dataPeriod", () => {
    this.CONSUME(K["gælder"]);
    this.CONSUME(K["for"]);
    this.CONSUME(K["data"]);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K["fra"]);
          this.CONSUME(MonthLiteral, { LABEL: "from" });
          this.OPTION(() => {
            this.CONSUME(K["til"]);
            this.CONSUME2(MonthLiteral, { LABEL: "to" });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(K["til"]);
          this.CONSUME3(MonthLiteral, { LABEL: "to" });
        },
      },
    ]);
  });

  public declaration = this.RULE("declaration", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.dataDecl) },
      { ALT: () => this.SUBRULE(this.measurementDecl) },
      { ALT: () => this.SUBRULE(this.assessmentDecl) },
      { ALT: () => this.SUBRULE(this.measureDecl) },
      { ALT: () => this.SUBRULE(this.criterionDecl) },
      { ALT: () => this.SUBRULE(this.reviewDecl) },
      { ALT: () => this.SUBRULE(this.suspensionDecl) },
      { ALT: () => this.SUBRULE(this.reactionDecl) },
      { ALT: () => this.SUBRULE(this.machineDecl) },
      { ALT: () => this.SUBRULE(this.exampleDecl) },
    ]);
  });

  // DataDecl = "data" Name "pr" ( "kommune" "," ( "måned" | "år" ) [ "," Name ]
  //                              | "person" "," ( "måned" | "dato" ) )
  //            { KeyColumns | FieldDecl | Publication | AllowClause }
  // Person data (`pr person`) is built as a PersonDataDecl, with fields only. One rule for both,
  // so that a broken line after `data NAME` recovers inside the data block.
  public dataDecl = this.RULE("dataDecl", () => {
    this.CONSUME(K["data"]);
    this.SUBRULE(this.name);
    this.CONSUME(K["pr"]);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K["kommune"]);
          this.CONSUME(Comma);
          this.OR2([
            { ALT: () => this.CONSUME(K["måned"], { LABEL: "grain" }) },
            { ALT: () => this.CONSUME(K["år"], { LABEL: "grain" }) },
          ]);
          this.OPTION(() => {
            this.CONSUME2(Comma);
            this.SUBRULE2(this.name, { LABEL: "group" });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K["person"], { LABEL: "person" });
          this.CONSUME3(Comma);
          this.OR3([
            { ALT: () => this.CONSUME2(K["måned"], { LABEL: "grain" }) },
            { ALT: () => this.CONSUME(K["dato"], { LABEL: "grain" }) },
          ]);
        },
      },
    ]);
    this.MANY({
      // A field is `Name ":"`; any keyword may be a field name, so look at the colon.
      GATE: () =>
        this.la(2, Colon) ||
        this.la(1, K["offentliggøres"]) ||
        this.la(1, K["tillad"]) ||
        this.la(1, K["kolonne"]) ||
        this.la(1, K["kolonner"]),
      DEF: () =>
        this.OR4([
          { GATE: () => this.la(2, Colon), ALT: () => this.SUBRULE(this.fieldDecl) },
          { ALT: () => this.SUBRULE(this.keyColumns) },
          { ALT: () => this.SUBRULE(this.publication) },
          { ALT: () => this.SUBRULE(this.allowClause) },
        ]),
    });
  });

  // MeasurementDecl = "måling" Name [ String ] "pr" "kommune" "," "måned" { MeasurementClause }
  public measurementDecl = this.RULE("measurementDecl", () => {
    this.CONSUME(K["måling"]);
    this.SUBRULE(this.name);
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: "title" }));
    this.CONSUME(K["pr"]);
    this.CONSUME(K["kommune"]);
    this.CONSUME(Comma);
    this.CONSUME(K["måned"]);
    this.MANY({
      GATE: () => MEASUREMENT_CLAUSE_START.some((t) => this.la(1, t)) || this.la(2, Equals),
      DEF: () =>
        this.OR2([
          { GATE: () => this.la(2, Equals), ALT: () => this.SUBRULE(this.outputField) },
          { ALT: () => this.SUBRULE(this.sourceClause) },
          { ALT: () => this.SUBRULE(this.spellClause) },
          { ALT: () => this.SUBRULE(this.deadClause) },
          { ALT: () => this.SUBRULE(this.spellWindowClause) },
          { ALT: () => this.SUBRULE(this.countDecl) },
        ]),
    });
  });

  // SpellClause = "forløb" "i" Name "med" "samme" Name [ "kilde" String ]
  public spellClause = this.RULE("spellClause", () => {
    this.CONSUME(K["forløb"]);
    this.CONSUME(K["i"]);
    this.SUBRULE(this.name, { LABEL: "data" });
    this.CONSUME(K["med"]);
    this.CONSUME(K["samme"]);
    this.SUBRULE2(this.name, { LABEL: "field" });
    this.OPTION(() => this.SUBRULE(this.sourceClause));
  });

  // DeadClause = "død" "når" Expr [ "kilde" String ]
  public deadClause = this.RULE("deadClause", () => {
    this.CONSUME(K["død"]);
    this.CONSUME(K["når"]);
    this.SUBRULE(this.expr);
    this.OPTION(() => this.SUBRULE(this.sourceClause));
  });

  // SpellWindowClause = "vindue" "de" "seneste" Int MonthUnit "af" "forløbet" [ "kilde" String ]
  public spellWindowClause = this.RULE("spellWindowClause", () => {
    this.CONSUME(K["vindue"]);
    this.CONSUME(K["de"]);
    this.CONSUME(K["seneste"]);
    this.CONSUME(NumberLiteral, { LABEL: "months" });
    this.SUBRULE(this.monthUnit);
    this.CONSUME(K["af"]);
    this.CONSUME(K["forløbet"]);
    this.OPTION(() => this.SUBRULE(this.sourceClause));
  });

  // CountDecl = "tæl" Name { CountCase }
  public countDecl = this.RULE("countDecl", () => {
    this.CONSUME(K["tæl"]);
    this.SUBRULE(this.name, { LABEL: "data" });
    this.MANY(() => this.SUBRULE(this.countCase));
  });

  // CountCase = "når" Expr { InForce | "kilde" String }
  public countCase = this.RULE("countCase", () => {
    this.CONSUME(K["når"]);
    this.SUBRULE(this.expr);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.inForce) },
        { ALT: () => this.SUBRULE(this.sourceClause) },
      ]),
    );
  });

  // OutputField = Name "=" Expr [ "kilde" String ]
  public outputField = this.RULE("outputField", () => {
    this.SUBRULE(this.name);
    this.CONSUME(Equals);
    this.SUBRULE(this.expr);
    this.OPTION(() => this.SUBRULE(this.sourceClause));
  });

  // KeyColumns = ( "kolonne" | "kolonner" ) Name String { "," Name String }
  // The header texts of the key columns in the data file: `kolonner kommune "Kommune", måned "Måned"`.
  public keyColumns = this.RULE("keyColumns", () => {
    this.OR([
      { ALT: () => this.CONSUME(K["kolonne"], { LABEL: "keyword" }) },
      { ALT: () => this.CONSUME(K["kolonner"], { LABEL: "keyword" }) },
    ]);
    this.SUBRULE(this.name, { LABEL: "key" });
    this.CONSUME(StringLiteral, { LABEL: "header" });
    this.MANY(() => {
      this.CONSUME(Comma);
      this.SUBRULE2(this.name, { LABEL: "key" });
      this.CONSUME2(StringLiteral, { LABEL: "header" });
    });
  });

  // FieldDecl = Name ":" ( "antal" | "andel" | "procent" | "tekst" ) [ "af" Name ] [ String ] [ "kolonne" String ]
  public fieldDecl = this.RULE("fieldDecl", () => {
    this.SUBRULE(this.name);
    this.CONSUME(Colon);
    this.OR([
      { ALT: () => this.CONSUME(K["antal"], { LABEL: "type" }) },
      { ALT: () => this.CONSUME(K["andel"], { LABEL: "type" }) },
      { ALT: () => this.CONSUME(K["procent"], { LABEL: "type" }) },
      { ALT: () => this.CONSUME(K["tekst"], { LABEL: "type" }) },
      { ALT: () => this.CONSUME(K["tal"], { LABEL: "type" }) },
    ]);
    this.OPTION(() => {
      this.CONSUME(K["af"]);
      this.SUBRULE2(this.name, { LABEL: "subsetOf" });
    });
    this.OPTION2(() => this.CONSUME(StringLiteral, { LABEL: "description" }));
    // `kolonne "Antal jobparate"`: the header of the field's column (a following `kolonne kommune "…"`
    // is the data block's key columns, told apart by the name after `kolonne`).
    this.OPTION3({
      GATE: () => this.la(2, StringLiteral),
      DEF: () => {
        this.CONSUME(K["kolonne"]);
        this.CONSUME2(StringLiteral, { LABEL: "column" });
      },
    });
  });

  // Publication = "offentliggøres" ( Int MonthUnit "efter" "måneden" | Int "." MonthName "året" "efter" )
  public publication = this.RULE("publication", () => {
    this.CONSUME(K["offentliggøres"]);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(NumberLiteral, { LABEL: "months" });
          this.SUBRULE(this.monthUnit);
          this.CONSUME(K["efter"]);
          this.CONSUME(K["måneden"]);
        },
      },
      {
        ALT: () => {
          this.CONSUME2(NumberLiteral, { LABEL: "day" });
          this.CONSUME(Dot);
          this.SUBRULE(this.monthName);
          this.CONSUME(K["året"]);
          this.CONSUME2(K["efter"]);
        },
      },
    ]);
  });

  public monthUnit = this.RULE("monthUnit", () => {
    this.OR([
      { ALT: () => this.CONSUME(K["måned"], { LABEL: "unit" }) },
      { ALT: () => this.CONSUME(K["måneder"], { LABEL: "unit" }) },
    ]);
  });

  public durationUnit = this.RULE("durationUnit", () => {
    this.OR([
      { ALT: () => this.CONSUME(K["måned"], { LABEL: "unit" }) },
      { ALT: () => this.CONSUME(K["måneder"], { LABEL: "unit" }) },
      { ALT: () => this.CONSUME(K["uge"], { LABEL: "unit" }) },
      { ALT: () => this.CONSUME(K["uger"], { LABEL: "unit" }) },
      { ALT: () => this.CONSUME(K["dag"], { LABEL: "unit" }) },
      { ALT: () => this.CONSUME(K["dage"], { LABEL: "unit" }) },
    ]);
  });

  public monthName = this.RULE("monthName", () => {
    this.OR([
      { ALT: () => this.CONSUME(K["januar"], { LABEL: "month" }) },
      { ALT: () => this.CONSUME(K["februar"], { LABEL: "month" }) },
      { ALT: () => this.CONSUME(K["marts"], { LABEL: "month" }) },
      { ALT: () => this.CONSUME(K["april"], { LABEL: "month" }) },
      { ALT: () => this.CONSUME(K["maj"], { LABEL: "month" }) },
      { ALT: () => this.CONSUME(K["juni"], { LABEL: "month" }) },
      { ALT: () => this.CONSUME(K["juli"], { LABEL: "month" }) },
      { ALT: () => this.CONSUME(K["august"], { LABEL: "month" }) },
      { ALT: () => this.CONSUME(K["september"], { LABEL: "month" }) },
      { ALT: () => this.CONSUME(K["oktober"], { LABEL: "month" }) },
      { ALT: () => this.CONSUME(K["november"], { LABEL: "month" }) },
      { ALT: () => this.CONSUME(K["december"], { LABEL: "month" }) },
    ]);
  });

  // AssessmentDecl = "opgørelse" ( "månedlig" | "halvårlig" | "årlig" ) [ Grouping ]
  //                  { Publication | FollowUp | "kilde" String }
  public assessmentDecl = this.RULE("assessmentDecl", () => {
    this.CONSUME(K["opgørelse"]);
    this.OR([
      { ALT: () => this.CONSUME(K["månedlig"], { LABEL: "cadence" }) },
      { ALT: () => this.CONSUME(K["halvårlig"], { LABEL: "cadence" }) },
      { ALT: () => this.CONSUME(K["årlig"], { LABEL: "cadence" }) },
    ]);
    this.OPTION(() => this.SUBRULE(this.grouping));
    this.MANY(() =>
      this.OR2([
        { ALT: () => this.SUBRULE(this.publication) },
        { ALT: () => this.SUBRULE(this.followUp) },
        { ALT: () => this.SUBRULE(this.sourceClause) },
      ]),
    );
  });

  // Grouping = "pr" Name | "for" "alle" Name "under" ( "ét" | "et" )
  public grouping = this.RULE("grouping", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K["pr"]);
          this.SUBRULE(this.name);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K["for"]);
          this.CONSUME(K["alle"]);
          this.SUBRULE2(this.name);
          this.CONSUME(K["under"]);
          this.OR2([
            { ALT: () => this.CONSUME(K["ét"]) },
            { ALT: () => this.CONSUME(K["et"]) },
          ]);
        },
      },
    ]);
  });

  // FollowUp = "følges" "op" ( Int MonthUnit "efter" "offentliggørelse" | "ved" "offentliggørelse" )
  public followUp = this.RULE("followUp", () => {
    this.CONSUME(K["følges"]);
    this.CONSUME(K["op"]);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(NumberLiteral, { LABEL: "months" });
          this.SUBRULE(this.monthUnit);
          this.CONSUME(K["efter"]);
          this.CONSUME(K["offentliggørelse"]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K["ved"]);
          this.CONSUME2(K["offentliggørelse"]);
        },
      },
    ]);
  });

  // MeasureDecl = "mål" Name [ String ] "=" Expr [ "kilde" String ]
  public measureDecl = this.RULE("measureDecl", () => {
    this.CONSUME(K["mål"]);
    this.SUBRULE(this.name);
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: "title" }));
    this.CONSUME(Equals);
    this.SUBRULE(this.expr);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.sourceClause) },
        { ALT: () => this.SUBRULE(this.allowClause) },
      ]),
    );
  });

  // CriterionDecl = "kriterie" Name [ String ] { "kilde" String | DataPeriod | "forudsat" Expr
  //                 | "vurderes" Int MonthUnit "senere" | "når" Cond }
  public criterionDecl = this.RULE("criterionDecl", () => {
    this.CONSUME(K["kriterie"]);
    this.SUBRULE(this.name);
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: "title" }));
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.sourceClause) },
        { ALT: () => this.SUBRULE(this.dataPeriod) },
        { ALT: () => this.SUBRULE(this.guardClause) },
        { ALT: () => this.SUBRULE(this.delayClause) },
        { ALT: () => this.SUBRULE(this.whenClause) },
        { ALT: () => this.SUBRULE(this.allowClause) },
      ]),
    );
  });

  public guardClause = this.RULE("guardClause", () => {
    this.CONSUME(K["forudsat"]);
    this.SUBRULE(this.expr);
  });

  public delayClause = this.RULE("delayClause", () => {
    this.CONSUME(K["vurderes"]);
    this.CONSUME(NumberLiteral, { LABEL: "months" });
    this.SUBRULE(this.monthUnit);
    this.CONSUME(K["senere"]);
  });

  public whenClause = this.RULE("whenClause", () => {
    this.CONSUME(K["når"]);
    this.SUBRULE(this.cond);
  });

  // ReviewDecl = "gennemgang" Name [ String ] { "kilde" String } "årligt" "når" Cond [ "kilde" String ]
  public reviewDecl = this.RULE("reviewDecl", () => {
    this.CONSUME(K["gennemgang"]);
    this.SUBRULE(this.name);
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: "title" }));
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.sourceClause) },
        { ALT: () => this.SUBRULE(this.allowClause) },
      ]),
    );
    this.CONSUME(K["årligt"], { LABEL: "cadence" });
    this.CONSUME(K["når"]);
    this.SUBRULE(this.cond);
    this.MANY2(() =>
      this.OR2([
        { ALT: () => this.SUBRULE2(this.sourceClause) },
        { ALT: () => this.SUBRULE2(this.allowClause) },
      ]),
    );
  });

  // SuspensionDecl = "undtagelse" Name [ String ] [ "kilde" String ]
  //                  "ingen" "henvendelser" "fra" Date "til" Date
  public suspensionDecl = this.RULE("suspensionDecl", () => {
    this.CONSUME(K["undtagelse"]);
    this.SUBRULE(this.name);
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: "title" }));
    this.OPTION2(() => this.SUBRULE(this.sourceClause));
    this.CONSUME(K["ingen"]);
    this.CONSUME(K["henvendelser"]);
    this.CONSUME(K["fra"]);
    this.CONSUME(DateLiteral, { LABEL: "from" });
    this.CONSUME(K["til"]);
    this.CONSUME2(DateLiteral, { LABEL: "to" });
    this.MANY(() => this.SUBRULE(this.allowClause));
  });

  // ReactionDecl = "reaktion" { ReactionClause }
  public reactionDecl = this.RULE("reactionDecl", () => {
    this.CONSUME(K["reaktion"]);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.contactClause) },
        { ALT: () => this.SUBRULE(this.maxPerYearClause) },
        { ALT: () => this.SUBRULE(this.recontactClause) },
        { ALT: () => this.SUBRULE(this.ladderClause) },
        { ALT: () => this.SUBRULE(this.accountClause) },
      ]),
    );
  });

  // "henvendelse" String [ "kilde" String ]
  public contactClause = this.RULE("contactClause", () => {
    this.CONSUME(K["henvendelse"]);
    this.CONSUME(StringLiteral, { LABEL: "text" });
    this.OPTION(() => this.SUBRULE(this.sourceClause));
  });

  // "højst" Int "henvendelser" "pr" [ "." ] "år"
  public maxPerYearClause = this.RULE("maxPerYearClause", () => {
    this.CONSUME(K["højst"]);
    this.CONSUME(NumberLiteral, { LABEL: "count" });
    this.CONSUME(K["henvendelser"]);
    this.CONSUME(K["pr"]);
    this.OPTION(() => this.CONSUME(Dot));
    this.CONSUME(K["år"]);
  });

  // "ny" "henvendelse" "først" "på" "data" "efter" "forrige" "henvendelse"
  public recontactClause = this.RULE("recontactClause", () => {
    this.CONSUME(K["ny"]);
    this.CONSUME(K["henvendelse"]);
    this.CONSUME(K["først"]);
    this.CONSUME(K["på"]);
    this.CONSUME(K["data"]);
    this.CONSUME(K["efter"]);
    this.CONSUME(K["forrige"]);
    this.CONSUME2(K["henvendelse"]);
  });

  // "trappe" Name { "," Name }
  public ladderClause = this.RULE("ladderClause", () => {
    this.CONSUME(K["trappe"]);
    this.SUBRULE(this.name, { LABEL: "steps" });
    this.MANY(() => {
      this.CONSUME(Comma);
      this.SUBRULE2(this.name, { LABEL: "steps" });
    });
  });

  // "redegørelse" String "når" "ikke" "genoprettet" Int MonthUnit "efter" "henvendelsen" [ "kilde" String ]
  public accountClause = this.RULE("accountClause", () => {
    this.CONSUME(K["redegørelse"]);
    this.CONSUME(StringLiteral, { LABEL: "text" });
    this.CONSUME(K["når"]);
    this.CONSUME(K["ikke"]);
    this.CONSUME(K["genoprettet"]);
    this.CONSUME(NumberLiteral, { LABEL: "months" });
    this.SUBRULE(this.monthUnit);
    this.CONSUME(K["efter"]);
    this.CONSUME(K["henvendelsen"]);
    this.OPTION(() => this.SUBRULE(this.sourceClause));
  });

  // MachineDecl = "forløb" [ Name ] "start" Name { StateDecl | TransitionDecl }
  public machineDecl = this.RULE("machineDecl", () => {
    this.CONSUME(K["forløb"]);
    this.OPTION({
      // `start` is itself a possible name: `forløb start start x` names the machine `start`.
      GATE: () => !this.la(1, K["start"]) || this.la(2, K["start"]),
      DEF: () => this.SUBRULE(this.name, { LABEL: "machineName" }),
    });
    this.CONSUME(K["start"]);
    this.SUBRULE2(this.name, { LABEL: "start" });
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.stateDecl) },
        { ALT: () => this.SUBRULE(this.transitionDecl) },
      ]),
    );
  });

  // StateDecl = "tilstand" Name [ String ] { DeadlineDecl }
  public stateDecl = this.RULE("stateDecl", () => {
    this.CONSUME(K["tilstand"]);
    this.SUBRULE(this.name);
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: "title" }));
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.deadlineDecl) },
        { ALT: () => this.SUBRULE(this.allowClause) },
      ]),
    );
  });

  // DeadlineDecl = "frist" Name ":" CalendarExpr [ "kilde" String ]
  public deadlineDecl = this.RULE("deadlineDecl", () => {
    this.CONSUME(K["frist"]);
    this.SUBRULE(this.name);
    this.CONSUME(Colon);
    this.SUBRULE(this.calendarExpr);
    this.OPTION(() => this.SUBRULE(this.sourceClause));
  });

  // CalendarExpr = "udgangen" "af" MonthName | Int DurationUnit ( "efter" | "fra" ) Name
  public calendarExpr = this.RULE("calendarExpr", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K["udgangen"]);
          this.CONSUME(K["af"]);
          this.SUBRULE(this.monthName);
        },
      },
      {
        ALT: () => {
          this.CONSUME(NumberLiteral, { LABEL: "amount" });
          this.SUBRULE(this.durationUnit);
          this.OR2([
            { ALT: () => this.CONSUME(K["efter"], { LABEL: "relation" }) },
            { ALT: () => this.CONSUME(K["fra"], { LABEL: "relation" }) },
          ]);
          this.SUBRULE(this.name, { LABEL: "anchor" });
        },
      },
    ]);
  });

  // TransitionDecl = "overgang" Name [ String ] "fra" Name "til" Name
  //                  { "kilde" String | "når" Cond | "ellers" | "husk" Name "=" Expr }
  public transitionDecl = this.RULE("transitionDecl", () => {
    this.CONSUME(K["overgang"]);
    this.SUBRULE(this.name);
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: "title" }));
    this.CONSUME(K["fra"]);
    this.SUBRULE2(this.name, { LABEL: "from" });
    this.CONSUME(K["til"]);
    this.SUBRULE3(this.name, { LABEL: "to" });
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.sourceClause) },
        { ALT: () => this.SUBRULE(this.whenClause) },
        { ALT: () => this.CONSUME(K["ellers"]) },
        { ALT: () => this.SUBRULE(this.rememberDecl) },
        { ALT: () => this.SUBRULE(this.allowClause) },
      ]),
    );
  });

  // "husk" Name "=" Expr
  public rememberDecl = this.RULE("rememberDecl", () => {
    this.CONSUME(K["husk"]);
    this.SUBRULE(this.name);
    this.CONSUME(Equals);
    this.SUBRULE(this.expr);
  });

  // ---------------------------------------------------------------------------------------------
  // Examples

  // ExampleDecl = "eksempel" String { "kilde" String | ExampleTable | Expectation }
  public exampleDecl = this.RULE("exampleDecl", () => {
    this.CONSUME(K["eksempel"]);
    this.CONSUME(StringLiteral, { LABEL: "title" });
    this.MANY({
      // `data NAME pr kommune, …` is the next declaration, not a table of this example.
      GATE: () => !(this.la(1, K["data"]) && this.la(3, K["pr"])),
      DEF: () =>
        this.OR([
          { ALT: () => this.SUBRULE(this.sourceClause) },
          { ALT: () => this.SUBRULE(this.exampleTable) },
          { GATE: () => this.la(2, K["data"]), ALT: () => this.SUBRULE(this.expectedTable) },
          { ALT: () => this.SUBRULE(this.expectation) },
        ]),
    });
  });

  // ExpectedTable = "forventer" ExampleTable: the table a `måling` must give.
  public expectedTable = this.RULE("expectedTable", () => {
    this.CONSUME(K["forventer"]);
    this.SUBRULE(this.exampleTable);
  });

  // ExampleTable = "data" Name Header { Row }. The header is the column names on one line,
  // separated by `|`; every later line of cells is one row (grouped by line in the AST builder).
  public exampleTable = this.RULE("exampleTable", () => {
    this.CONSUME(K["data"]);
    this.SUBRULE(this.name, { LABEL: "data" });
    const headerLine = this.LA(1).startLine;
    this.SUBRULE2(this.name, { LABEL: "columns" });
    this.MANY({
      GATE: () => this.LA(1).startLine === headerLine,
      DEF: () => {
        this.CONSUME(Pipe, { LABEL: "headerPipes" });
        this.SUBRULE3(this.name, { LABEL: "columns" });
      },
    });
    // A cell is the text between pipes, so labels such as `A-dagpenge` or `Kontanthjælp
    // (jobparat)` need no quotes. A keyword that begins a new line ends the table.
    this.MANY2({
      GATE: () => !(tokenMatcher(this.LA(1), WordKeyword) && this.LA(1).startLine !== this.LA(0).startLine),
      DEF: () =>
        this.OR([
          { ALT: () => this.CONSUME2(Pipe, { LABEL: "cells" }) },
          { ALT: () => this.CONSUME(NumberLiteral, { LABEL: "cells" }) },
          { ALT: () => this.CONSUME(MonthLiteral, { LABEL: "cells" }) },
          { ALT: () => this.CONSUME(DateLiteral, { LABEL: "cells" }) },
          { ALT: () => this.CONSUME(Identifier, { LABEL: "cells" }) },
          { ALT: () => this.CONSUME(StringLiteral, { LABEL: "cells" }) },
          { ALT: () => this.CONSUME(Dot, { LABEL: "cells" }) },
          { ALT: () => this.CONSUME(WordKeyword, { LABEL: "cells" }) },
          { ALT: () => this.CONSUME(Minus, { LABEL: "cells" }) },
          { ALT: () => this.CONSUME(Plus, { LABEL: "cells" }) },
          { ALT: () => this.CONSUME(Slash, { LABEL: "cells" }) },
          { ALT: () => this.CONSUME(LParen, { LABEL: "cells" }) },
          { ALT: () => this.CONSUME(RParen, { LABEL: "cells" }) },
          { ALT: () => this.CONSUME(Comma, { LABEL: "cells" }) },
          { ALT: () => this.CONSUME(Percent, { LABEL: "cells" }) },
        ]),
    });
  });

  // Expectation = "forventer" ( "tilstand" Name | [ "ingen" | Int ] Noun [ Name ] ) { Qualifier }
  public expectation = this.RULE("expectation", () => {
    this.CONSUME(K["forventer"]);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K["tilstand"], { LABEL: "subject" });
          this.SUBRULE(this.name, { LABEL: "subjectName" });
        },
      },
      {
        ALT: () => {
          this.OPTION(() =>
            this.OR2([
              { ALT: () => this.CONSUME(K["ingen"], { LABEL: "count" }) },
              { ALT: () => this.CONSUME(NumberLiteral, { LABEL: "count" }) },
            ]),
          );
          this.OR3([
            { ALT: () => this.CONSUME(K["henvendelse"], { LABEL: "subject" }) },
            { ALT: () => this.CONSUME(K["henvendelser"], { LABEL: "subject" }) },
            { ALT: () => this.CONSUME(K["redegørelse"], { LABEL: "subject" }) },
            { ALT: () => this.CONSUME(K["redegørelser"], { LABEL: "subject" }) },
            { ALT: () => this.CONSUME(K["gennemgang"], { LABEL: "subject" }) },
            { ALT: () => this.CONSUME(K["gennemgange"], { LABEL: "subject" }) },
            { ALT: () => this.CONSUME(K["frist"], { LABEL: "subject" }) },
            { ALT: () => this.CONSUME(K["frister"], { LABEL: "subject" }) },
          ]);
          this.OPTION2({
            // `forventer frist genopretning_slut for 230`: a name unless what follows is a
            // qualifier, the next expectation or the next clause or declaration.
            GATE: () => !NOT_A_NAME_HERE.some((t) => this.la(1, t)),
            DEF: () => this.SUBRULE2(this.name, { LABEL: "subjectName" }),
          });
        },
      },
    ]);
    this.MANY(() => this.SUBRULE(this.qualifier));
  });

  // Qualifier = "til" Int | "af" Int | "for" Period | "i" ( "gruppen" ( Name | String ) | Period )
  //           | "den" Date | "efter" Name | "med" Name
  // Period = Month | Int [ "-" Name ]   (`2021-03`, `2023`, `2023-H2`; a 3-digit Int is a kommune)
  public qualifier = this.RULE("qualifier", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K["til"], { LABEL: "word" });
          this.CONSUME(NumberLiteral, { LABEL: "value" });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K["af"], { LABEL: "word" });
          this.CONSUME2(NumberLiteral, { LABEL: "value" });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K["for"], { LABEL: "word" });
          this.SUBRULE(this.periodValue);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K["i"], { LABEL: "word" });
          this.OR2([
            {
              ALT: () => {
                this.CONSUME(K["gruppen"]);
                this.OR3([
                  { ALT: () => this.SUBRULE(this.name, { LABEL: "group" }) },
                  { ALT: () => this.CONSUME(StringLiteral, { LABEL: "groupText" }) },
                ]);
              },
            },
            { ALT: () => this.SUBRULE2(this.periodValue) },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K["den"], { LABEL: "word" });
          this.CONSUME(DateLiteral, { LABEL: "date" });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K["efter"], { LABEL: "word" });
          this.SUBRULE2(this.name, { LABEL: "rule" });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K["med"], { LABEL: "word" });
          this.SUBRULE3(this.name, { LABEL: "step" });
        },
      },
    ]);
  });

  public periodValue = this.RULE("periodValue", () => {
    this.OR([
      { ALT: () => this.CONSUME(MonthLiteral, { LABEL: "month" }) },
      {
        ALT: () => {
          this.CONSUME(NumberLiteral, { LABEL: "number" });
          this.OPTION(() => {
            this.CONSUME(Minus);
            this.CONSUME(Identifier, { LABEL: "half" });
          });
        },
      },
    ]);
  });

  // ---------------------------------------------------------------------------------------------
  // Expressions

  // Cond = Expr [ "i" Int "sammenhængende" MonthUnit ]
  public cond = this.RULE("cond", () => {
    this.SUBRULE(this.expr);
    this.OPTION(() => {
      this.CONSUME(K["i"]);
      this.CONSUME(NumberLiteral, { LABEL: "months" });
      this.CONSUME(K["sammenhængende"]);
      this.SUBRULE(this.monthUnit);
    });
  });

  // Expr = And { "eller" And }
  public expr = this.RULE("expr", () => {
    this.SUBRULE(this.andExpr, { LABEL: "operands" });
    this.MANY(() => {
      this.CONSUME(K["eller"], { LABEL: "ops" });
      this.SUBRULE2(this.andExpr, { LABEL: "operands" });
    });
  });

  // And = NotE { "og" NotE }
  public andExpr = this.RULE("andExpr", () => {
    this.SUBRULE(this.notExpr, { LABEL: "operands" });
    this.MANY(() => {
      this.CONSUME(K["og"], { LABEL: "ops" });
      this.SUBRULE2(this.notExpr, { LABEL: "operands" });
    });
  });

  // NotE = "ikke" NotE | Comparison
  public notExpr = this.RULE("notExpr", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K["ikke"]);
          this.SUBRULE(this.notExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  // Comparison = Windowed [ CompareOp Windowed ]
  public comparison = this.RULE("comparison", () => {
    this.SUBRULE(this.windowed, { LABEL: "operands" });
    this.OPTION(() => {
      this.SUBRULE(this.compareOp);
      this.SUBRULE2(this.windowed, { LABEL: "operands" });
    });
  });

  public compareOp = this.RULE("compareOp", () => {
    this.OR([
      { ALT: () => this.CONSUME(K["over"], { LABEL: "op" }) },
      { ALT: () => this.CONSUME(K["mindst"], { LABEL: "op" }) },
      { ALT: () => this.CONSUME(K["under"], { LABEL: "op" }) },
      { ALT: () => this.CONSUME(K["højst"], { LABEL: "op" }) },
      {
        ALT: () => {
          this.CONSUME(K["lig"], { LABEL: "op" });
          this.CONSUME(K["med"], { LABEL: "op" });
        },
      },
      { ALT: () => this.CONSUME(Greater, { LABEL: "op" }) },
      { ALT: () => this.CONSUME(GreaterEq, { LABEL: "op" }) },
      { ALT: () => this.CONSUME(Less, { LABEL: "op" }) },
      { ALT: () => this.CONSUME(LessEq, { LABEL: "op" }) },
      { ALT: () => this.CONSUME(Equals, { LABEL: "op" }) },
    ]);
  });

  // Windowed = Additive [ "over" Window ]; `over` + måneden/halvåret/året/de is a window (LL(2)),
  // otherwise `over` is the comparison "greater than".
  public windowed = this.RULE("windowed", () => {
    this.SUBRULE(this.additive);
    this.OPTION({
      GATE: () => WINDOW_START.some((t) => this.la(2, t)),
      DEF: () => {
        this.CONSUME(K["over"]);
        this.SUBRULE(this.window);
      },
    });
  });

  // Window = "måneden" | "halvåret" | "året" | "de" "seneste" Int MonthUnit
  public window = this.RULE("window", () => {
    this.OR([
      { ALT: () => this.CONSUME(K["måneden"], { LABEL: "period" }) },
      { ALT: () => this.CONSUME(K["halvåret"], { LABEL: "period" }) },
      { ALT: () => this.CONSUME(K["året"], { LABEL: "period" }) },
      {
        ALT: () => {
          this.CONSUME(K["de"]);
          this.CONSUME(K["seneste"]);
          this.CONSUME(NumberLiteral, { LABEL: "months" });
          this.SUBRULE(this.monthUnit);
        },
      },
    ]);
  });

  // Additive = Multiplicative { ( "+" | "-" ) Multiplicative }
  public additive = this.RULE("additive", () => {
    this.SUBRULE(this.multiplicative, { LABEL: "operands" });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Plus, { LABEL: "ops" }) },
        { ALT: () => this.CONSUME(Minus, { LABEL: "ops" }) },
      ]);
      this.SUBRULE2(this.multiplicative, { LABEL: "operands" });
    });
  });

  // Multiplicative = UnaryE { ( "*" | "/" ) UnaryE }
  public multiplicative = this.RULE("multiplicative", () => {
    this.SUBRULE(this.unary, { LABEL: "operands" });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Star, { LABEL: "ops" }) },
        { ALT: () => this.CONSUME(Slash, { LABEL: "ops" }) },
      ]);
      this.SUBRULE2(this.unary, { LABEL: "operands" });
    });
  });

  // UnaryE = "-" UnaryE | Primary
  public unary = this.RULE("unary", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Minus);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  // Primary = Number [ "%" ] | Identifier | "(" Expr ")" | ( "sum" | "middel" ) "(" Expr [ "hvor" Name "er" "målt" ] ")"
  public primary = this.RULE("primary", () => {
    this.OR([
      // `antal(` and `første(`: otherwise `antal` and `første` are names (a measure called `første`).
      { GATE: () => this.la(2, LParen), ALT: () => this.SUBRULE(this.countOf) },
      { GATE: () => this.la(2, LParen), ALT: () => this.SUBRULE(this.firstOf) },
      { ALT: () => this.CONSUME(StringLiteral, { LABEL: "text" }) },
      { ALT: () => this.CONSUME(K["varighed"], { LABEL: "ref" }) },
      {
        ALT: () => {
          this.CONSUME(NumberLiteral);
          this.OPTION(() => this.CONSUME(Percent));
        },
      },
      { ALT: () => this.CONSUME(Identifier, { LABEL: "ref" }) },
      { ALT: () => this.CONSUME(RefKeyword, { LABEL: "ref" }) },
      {
        ALT: () => {
          this.CONSUME(LParen);
          this.SUBRULE(this.expr);
          this.CONSUME(RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.aggregate) },
    ]);
  });

  // CountOf = "antal" "(" Name [ "hvor" Expr ] ")"   (in a `måling`)
  public countOf = this.RULE("countOf", () => {
    this.CONSUME(K["antal"]);
    this.CONSUME(LParen);
    this.OR({
      // `personer` is a keyword (and so also a name): the first alternative takes it.
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.CONSUME(K["personer"], { LABEL: "persons" }) },
        { ALT: () => this.SUBRULE(this.name, { LABEL: "of" }) },
      ],
    });
    this.OPTION(() => {
      this.CONSUME(K["hvor"]);
      this.SUBRULE(this.expr);
    });
    this.CONSUME(RParen);
  });

  // FirstOf = "første" "(" Name "hvor" Expr ")"   (in a `tæl` case)
  public firstOf = this.RULE("firstOf", () => {
    this.CONSUME(K["første"]);
    this.CONSUME(LParen);
    this.SUBRULE(this.name, { LABEL: "of" });
    this.CONSUME(K["hvor"]);
    this.SUBRULE(this.expr);
    this.CONSUME(RParen);
  });

  public aggregate = this.RULE("aggregate", () => {
    this.OR([
      { ALT: () => this.CONSUME(K["sum"], { LABEL: "fn" }) },
      { ALT: () => this.CONSUME(K["middel"], { LABEL: "fn" }) },
    ]);
    this.CONSUME(LParen);
    this.SUBRULE(this.expr);
    this.OPTION(() => {
      this.CONSUME(K["hvor"]);
      this.SUBRULE(this.name, { LABEL: "measured" });
      this.CONSUME(K["er"]);
      this.CONSUME(K["målt"]);
    });
    this.CONSUME(RParen);
  });
}

/** The one parser instance (chevrotain parsers are reusable: set `input`, call a rule). */
export const parser = new TilsynParser();
errorMessages.ruleStack = () =>
  (parser as unknown as { getHumanReadableRuleStack(): string[] }).getHumanReadableRuleStack();

/** Parse a token vector into a CST. Errors are left in `parser.errors`. */
export function parseTokens(tokens: IToken[]): CstNode {
  parser.input = tokens;
  return parser.file();
}
