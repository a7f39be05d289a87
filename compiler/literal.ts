// Policy text in generated code: the one way any text from a policy enters emitted source.

/** A TypeScript string literal for any text (safe in code and in line comments). */
export function literal(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
