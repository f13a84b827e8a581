import * as React from "react";
import { Button, type ButtonProps } from "@fluentui/react-components";

export interface FilePickerProps {
  /** The button's words. */
  readonly label: string;
  /** The hidden file input's accessible name (what tests and screen readers find it by). */
  readonly inputLabel: string;
  readonly accept: string;
  readonly multiple?: boolean;
  readonly disabled?: boolean;
  readonly appearance?: ButtonProps["appearance"];
  readonly className?: string;
  readonly onPick: (files: File[]) => void;
}

/** A button that opens the file chooser; the same file can be picked again after it was removed. */
export function FilePicker(props: FilePickerProps): React.JSX.Element {
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        style={{ display: "none" }}
        type="file"
        multiple={props.multiple}
        accept={props.accept}
        aria-label={props.inputLabel}
        onChange={(e) => {
          const picked = [...(e.currentTarget.files ?? [])];
          // Cleared, so choosing the same file again still fires a change.
          e.currentTarget.value = "";
          if (picked.length > 0) props.onPick(picked);
        }}
      />
      <Button className={props.className} appearance={props.appearance} disabled={props.disabled} onClick={() => input.current?.click()}>
        {props.label}
      </Button>
    </>
  );
}
