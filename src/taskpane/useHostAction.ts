import * as React from "react";
import { isWorded } from "../core/text/translate";
import type { Lang, MessageKey } from "./i18n";

/** Which part of the pane started an action: its status and errors show there. */
export type ActionOwner = "insert" | "check" | "consolidate" | "review" | "report";

export interface ActionRunning {
  readonly owner: ActionOwner;
  /** What is happening, as a message key (rendered in the current language). */
  readonly label: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface ActionError {
  readonly owner: ActionOwner;
  /** What was thrown: worded when shown, in the language of that moment. */
  readonly cause: unknown;
}

/** Report progress within the current step: `done` of `total` (a bar is shown while total > 0). */
export type Progress = (done: number, total: number) => void;

/** Move a running action on to its next step: a new label, and the progress bar starts over. */
export type Stage = (label: MessageKey, params?: Readonly<Record<string, string | number>>) => void;

export interface HostAction {
  readonly running?: ActionRunning;
  readonly progress?: { readonly done: number; readonly total: number };
  readonly error?: ActionError;
  /** True while any action runs: every button that writes is disabled. */
  readonly busy: boolean;
  /** Same as `busy`, but current inside async callbacks and timers. */
  isBusy(): boolean;
  /**
   * Run `fn` unless another action is running (then resolves to undefined). The error of a failed
   * action is kept for the pane to show; the promise resolves to undefined instead of rejecting.
   */
  run<T>(what: ActionRunning, fn: (progress: Progress, stage: Stage) => Promise<T>): Promise<T | undefined>;
  /** Keep the error of a call made outside `run` (selecting cells) for the pane to show. */
  report(owner: ActionOwner, e: unknown): void;
  dismissError(): void;
}

/** A thrown value as words for the pane; empty when there is nothing useful to say. */
export function errorText(e: unknown, lang: Lang): string {
  if (isWorded(e)) return e.wordsIn(lang);
  if (e instanceof Error) return e.message;
  if (typeof e === "string") return e;
  if (e && typeof e === "object" && "message" in e && typeof (e as { message: unknown }).message === "string") return (e as { message: string }).message;
  return "";
}

/** Running, progress and error state of the pane's host actions, one at a time. */
export function useHostAction(): HostAction {
  const [running, setRunning] = React.useState<ActionRunning>();
  const [progress, setProgress] = React.useState<{ done: number; total: number }>();
  const [error, setError] = React.useState<ActionError>();
  const busyRef = React.useRef(false);

  const run = React.useCallback(async <T,>(what: ActionRunning, fn: (progress: Progress, stage: Stage) => Promise<T>): Promise<T | undefined> => {
    if (busyRef.current) return undefined;
    busyRef.current = true;
    setRunning(what);
    setProgress(undefined);
    setError(undefined);
    const stage: Stage = (label, params) => {
      setRunning({ owner: what.owner, label, params });
      setProgress(undefined);
    };
    try {
      return await fn((done, total) => setProgress(total > 0 ? { done, total } : undefined), stage);
    } catch (e) {
      console.error(e);
      setError({ owner: what.owner, cause: e });
      return undefined;
    } finally {
      busyRef.current = false;
      setRunning(undefined);
      setProgress(undefined);
    }
  }, []);

  const report = React.useCallback((owner: ActionOwner, e: unknown) => {
    console.error(e);
    setError({ owner, cause: e });
  }, []);
  const dismissError = React.useCallback(() => setError(undefined), []);
  const isBusy = React.useCallback(() => busyRef.current, []);

  return { running, progress, error, busy: running !== undefined, isBusy, run, report, dismissError };
}
