/** The rule language: parse `A04 <= A03`-style expressions, evaluate them, run rule sets. */
export { formatExpr, references, type ArithOp, type CompareOp, type Expr, type UnaryOp } from "./ast";
export { parseExpression, type ParseProblem } from "./parser";
export { typeOf } from "./typecheck";
export { quickRule, type FigureLookup, type QuickRule } from "./quick";
export { functionNames, lookupFunction, type FunctionDef } from "./functions";
export {
  compareNumbers,
  evaluate,
  FLOAT_EPSILON,
  FLOAT_RELATIVE,
  type EnvValue,
  type EvalOptions,
  type EvalResult,
  type Value,
  type ValueEnv,
  type ValueType,
} from "./evaluate";
export {
  compileRule,
  compileRules,
  confront,
  confrontRule,
  isComparisonOf,
  summary,
  type CompiledRule,
  type RuleOutcome,
  type RuleProblem,
  type RuleSpec,
  type RuleSummary,
} from "./engine";
