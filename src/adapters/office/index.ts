/** The Office.js adapter: `createOfficeHost()` for the task pane; the rest for tests and diagnostics. */
export { createOfficeHost, type OfficeHost, type OfficeHostOptions } from "./office-host";
export { HostTimeoutError } from "./host-timeout";
export type { ApplyStats, HostCapabilities, WorkbookHost, WorkbookRead } from "../../core/host";
export { detectCapabilities, isExcelApiSupported, NO_CAPABILITIES } from "./capabilities";
export { guardedSync, syncerFor, SyncCounter, DEFAULT_SYNC_TIMEOUT_SECONDS, type Syncer } from "./sync";
export { readWorkbook, readSheetNames, queueSheetRead, sheetSnapshot, snapshotFromRange, fillColour } from "./read";
export { applyPlan, HUISHEN_PROTECTION, DEFAULT_MAX_REQUEST_BYTES, type OfficeApplyStats } from "./apply";
export { chunkOps } from "./ops";
export { selectCells, subscribeChanges, removeHandlers } from "./select";
export { PlanError } from "../../core/plan/plan-error";
