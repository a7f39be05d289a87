// The output's event order is compareEvents' (date, kommune, rule, type, group, name, policy,
// period). sortEvents first buckets the events by date, since a run makes them unit by unit; the
// result must be exactly the plain stable sort's, for events in any order, equal ones included.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareEvents, sortEvents, type PolicyEvent } from "../../runtime/events.js";

const event = fc.record({
  policy: fc.constantFrom("p", "q"),
  kommune: fc.constantFrom("101", "147", "851"),
  period: fc.constantFrom("2021-01", "2021-02"),
  date: fc.constantFrom("2021-04-01", "2021-05-01", "2021-05-15", "2022-01-01"),
  type: fc.constantFrom("henvendelse", "redegoerelse", "gennemgang"),
  rule: fc.constantFrom("a", "b"),
  group: fc.option(fc.constantFrom("A-dagpenge", "Kontanthjælp"), { nil: undefined }),
  // Tells apart events every sort key calls equal.
  explanation: fc.nat().map(String),
}) as fc.Arbitrary<PolicyEvent>;

describe("sortEvents", () => {
  it("gives the stable sort by compareEvents, equal events in their first order", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        const expected = [...events].sort(compareEvents);
        const sorted = sortEvents([...events]);
        expect(sorted.length).toBe(expected.length);
        sorted.forEach((e, i) => expect(e).toBe(expected[i]));
      }),
      { numRuns: 300 },
    );
  });

  it("orders by date first, then kommune, then rule", () => {
    const make = (date: string, kommune: string, rule: string): PolicyEvent => ({ policy: "p", kommune, period: "2021-01", date, type: "henvendelse", rule }) as PolicyEvent;
    const a = make("2021-05-01", "147", "a");
    const b = make("2021-04-01", "851", "b");
    const c = make("2021-05-01", "101", "b");
    const d = make("2021-05-01", "101", "a");
    expect(sortEvents([a, b, c, d])).toEqual([b, d, c, a]);
  });
});
