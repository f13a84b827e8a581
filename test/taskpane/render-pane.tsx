import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { rongchang2024 } from "../fixtures/reports";
import { reportSnapshot } from "../helpers/report-sheets";
import { FakeHost } from "./fake-host";

/** The pane as Excel shows it, inside Fluent's provider, once the sections that load after the first paint have arrived. */
export async function renderPane(host: FakeHost | undefined, initialLang?: string) {
  const rendered = render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} initialLang={initialLang} />
    </FluentProvider>,
  );
  // Generous: the first test of a file pays for compiling the sections' modules (a wait, not a speed check).
  await waitFor(() => expect(rendered.container.querySelector('[aria-busy="true"]')).toBeNull(), { timeout: 30_000 });
  return rendered;
}

/** A workbook holding 荣昌区 2024 typed into a fresh template sheet, active. */
export function rongchangHost(): { host: FakeHost; sheet: string } {
  const { snapshot } = reportSnapshot(rongchang2024);
  return { host: new FakeHost([snapshot], snapshot.name), sheet: snapshot.name };
}
