export { consolidate } from "./consolidate";
export { planConsolidation } from "./plan-consolidation";
export { DEFAULT_STABILITY } from "./composite";
export { districtSources, planConsolidate, type ConsolidateRequest, type ConsolidateOutcome, type DistrictFile } from "./consolidate-job";
export { CONSOLIDATION_SHEETS } from "./layout";
export type * from "./model";
export { readConsolidationSettings } from "./settings-marker";
