import { fuzzRules, fuzzValues, fuzzWorkbooks } from "../../bench/fuzz";

/** A few seconds of `npm run fuzz` (other seeds, smaller counts): nothing may throw. */
describe("fuzzing, seeded", () => {
  test("20,000 random and adversarial cell values parse or are invalid, never throw", () => {
    expect(fuzzValues(20_000, 11)).toBe(20_000);
  });

  test("5,000 random rule expressions parse, type-check and evaluate without a throw", () => {
    expect(fuzzRules(5_000, 12)).toBe(5_000);
  });

  test("12 random and corrupted workbooks through validate, consolidate and review-report: exit codes, no internal error, inputs unchanged", async () => {
    expect(await fuzzWorkbooks(12, 13)).toBe(12);
  }, 120_000);
});
