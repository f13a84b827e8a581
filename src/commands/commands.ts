/**
 * The manifest's FunctionFile (commands.html). Huishen's only ribbon button opens the task pane
 * (ShowTaskpane), so no ribbon control runs a function yet; `action` is registered so an
 * ExecuteFunction control added later has a named function that always completes its event.
 */

/** Completes the add-in command event at once; Office waits for this before it accepts the next command. */
export function action(event?: Office.AddinCommands.Event): void {
  event?.completed();
}

function register(): void {
  if (typeof Office === "undefined") return; // office.js did not load (page opened outside Office)
  void Office.onReady();
  if (Office.actions && typeof Office.actions.associate === "function") {
    Office.actions.associate("action", action);
  } else {
    // Older hosts (e.g. Excel 2019) look an ExecuteFunction's function up by name on the global object.
    (globalThis as Record<string, unknown>).action = action;
  }
}

register();
