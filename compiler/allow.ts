// `tillad T05xx "begrundelse"`: where each clause stands, so a warning can be matched to the
// declarations that may silence it.

import type { AllowClause, Declaration, PolicyDecl, PolicyFile, StateDecl, TransitionDecl } from "../grammar/ast.js";

/** A declaration that may carry `tillad` clauses. */
export type AllowHolder = PolicyDecl | Declaration | StateDecl | TransitionDecl;

/** Every `tillad` clause of a file with the declaration it stands in. */
export function allowClauses(ast: PolicyFile): { clause: AllowClause; holder: AllowHolder }[] {
  const out: { clause: AllowClause; holder: AllowHolder }[] = [];
  const add = (holder: AllowHolder, list: AllowClause[] | undefined) => {
    for (const clause of list ?? []) out.push({ clause, holder });
  };
  if (ast.policy) add(ast.policy, ast.policy.allow);
  for (const d of ast.declarations) {
    if (d.kind === "MachineDecl") {
      for (const s of d.states) add(s, s.allow);
      for (const t of d.transitions) add(t, t.allow);
    } else if ("allow" in d) {
      add(d, d.allow);
    }
  }
  return out;
}
