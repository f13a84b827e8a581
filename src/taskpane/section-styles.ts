import { tokens } from "@fluentui/react-components";

/** The layout every section of the pane shares (spread into its `makeStyles`): a column, its heading, hints, a row of buttons. */
export const SECTION_STYLES = {
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  wrap: { overflowWrap: "anywhere", whiteSpace: "normal" },
} as const;
