import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";

function mount(): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <React.StrictMode>
      <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
        <App />
      </FluentProvider>
    </React.StrictMode>,
  );
}

if (typeof Office === "undefined") {
  // office.js failed to load (offline, or the page opened in a plain browser): still show the pane.
  mount();
} else {
  void Office.onReady(() => mount());
}
