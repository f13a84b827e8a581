import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { LazySection } from "../../src/taskpane/LazySection";

/** A section whose script never arrives, as when the network drops between the pane and its server. */
const Unreachable = React.lazy(() => Promise.reject(new Error("Loading chunk 170 failed.")));

describe("a section that loads after the first paint", () => {
  it("keeps its heading and offers to reload when its script fails to arrive, instead of blanking the pane", async () => {
    // React reports the caught error on the console; that is expected here.
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    render(
      <FluentProvider theme={webLightTheme}>
        <p>汇审 Huishen</p>
        <LazySection heading="consolidate.heading" lang="zh">
          <Unreachable />
        </LazySection>
      </FluentProvider>,
    );
    expect(screen.getByText("正在载入……")).toBeTruthy();
    expect(await screen.findByText("此部分未能载入（Loading chunk 170 failed.）。请检查网络后重新载入加载项。")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "汇总" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "重新载入" })).toBeTruthy();
    expect(screen.getByText("汇审 Huishen")).toBeTruthy();
  });
});
