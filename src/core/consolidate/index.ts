export { consolidate, planConsolidation, DEFAULT_STABILITY } from "./consolidate";
export { planConsolidate, type ConsolidateRequest, type ConsolidateOutcome, type DistrictFile } from "./actions";
export { CONSOLIDATION_SHEETS } from "./layout";
export type * from "./model";
