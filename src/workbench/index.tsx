import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import workerSource from "huishen-engine-worker";
import { startWorker, workerEngine } from "./engine/client";
import type { EngineApi } from "./engine/protocol";
import { WorkbenchApp } from "./WorkbenchApp";

function startEngine(): { engine?: EngineApi; engineError?: string } {
  try {
    return { engine: workerEngine(startWorker(workerSource)) };
  } catch (e) {
    return { engineError: e instanceof Error ? e.message : String(e) };
  }
}

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <React.StrictMode>
      <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
        <WorkbenchApp {...startEngine()} initialLang={navigator.language} />
      </FluentProvider>
    </React.StrictMode>,
  );
}
