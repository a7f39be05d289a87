// The 98 municipalities: the list lives in the runtime (runtime/kommuner.ts), which generated
// modules import; the compiler's inline `eksempel` tables are checked against the same list.
export { KOMMUNE_CODES, KOMMUNE_NAMES, KOMMUNER } from "../runtime/kommuner.js";
