import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { WorkbookHost } from "../core/host";
import { createOfficeHost } from "../adapters/office/office-host";
import { App, preloadSections } from "./App";

function mount(host?: WorkbookHost, displayLanguage?: string): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <React.StrictMode>
      <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
        <App host={host} initialLang={displayLanguage} />
      </FluentProvider>
    </React.StrictMode>,
  );
}

/** Office's display language, when the pane runs in an Office host that says. */
function officeDisplayLanguage(): string | undefined {
  try {
    return Office.context?.displayLanguage || undefined;
  } catch {
    return undefined;
  }
}

void preloadSections();

if (typeof Office === "undefined") {
  // office.js failed to load (offline, or the page opened in a plain browser): still show the pane.
  mount();
} else {
  void Office.onReady((info) => {
    // Outside Excel (a plain browser, another Office app) there is no workbook to work on.
    const inExcel = info.host === Office.HostType.Excel;
    mount(inExcel ? createOfficeHost() : undefined, officeDisplayLanguage());
  });
}
