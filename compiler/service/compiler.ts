// What the language service needs of the compiler to check texts itself and run examples: given
// to it by a host that checks in the same thread (the language server). The playground checks in
// its web worker and hands the service the results, so its page does not load the compiler.

import { checkPolicy } from "../index.js";
import { checkExamples, exampleScope } from "../examples.js";
import { runMeasurementExamples } from "../measure-examples.js";
import { runExample } from "../runner.js";

export const compiler = { checkPolicy, checkExamples, exampleScope, runExample, runMeasurementExamples };

export type Compiler = typeof compiler;
