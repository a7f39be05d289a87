// Running emitted code in this process: the untyped source of some function declarations, turned
// into callable functions once with `new Function` (the CLI, the examples and the playground run
// the same code `tilsyn compile` writes into a module). `scope` gives the names the code uses
// from the runtime, as the module's import does.

export function instantiateFunctions<T>(source: string, names: readonly string[], scope: Readonly<Record<string, unknown>> = {}): T {
  const params = Object.keys(scope);
  return new Function(...params, `"use strict";\n${source}\nreturn { ${names.join(", ")} };`)(...params.map((p) => scope[p])) as T;
}
