import * as React from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Field, Input, Radio, RadioGroup, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { ConsolidateOptions as CoreOptions, Normalisation } from "../core/consolidate";
import { t, type Lang } from "./i18n";

/** The options as typed in the pane (text), turned into the core's options by `coreOptions`. */
export interface OptionsInput {
  readonly city: string;
  readonly districtList: string;
  /** `sheet`: as the weights sheet says (min–max on a first run): the pane does not override the aggregator's choice. */
  readonly normalisation: Normalisation | "sheet";
  /** Empty: the latest year among the sheets. */
  readonly year: string;
}

export const DEFAULT_OPTIONS: OptionsInput = { city: "", districtList: "", normalisation: "sheet", year: "" };

/** One district per line (commas and 、 also separate), blanks and repeats dropped. */
export function parseDistrictList(text: string): string[] {
  const names = text
    .split(/[\r\n,，、;；]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return [...new Set(names)];
}

/** The year typed, or undefined for "latest"; null when it is not a year. */
export function parseYearOption(text: string): number | undefined | null {
  const s = text.trim();
  if (s === "") return undefined;
  if (!/^\d{4}$/.test(s)) return null;
  const y = Number(s);
  return y >= 2000 && y <= 2100 ? y : null;
}

/** The core's options; undefined when the year is not a year (the form shows why). */
export function coreOptions(o: OptionsInput): CoreOptions | undefined {
  const year = parseYearOption(o.year);
  if (year === null) return undefined;
  const list = parseDistrictList(o.districtList);
  return {
    ...(year !== undefined ? { year } : {}),
    ...(o.city.trim() ? { city: o.city.trim() } : {}),
    ...(list.length > 0 ? { districtList: list } : {}),
    ...(o.normalisation !== "sheet" ? { normalisation: o.normalisation } : {}),
  };
}

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0, paddingBottom: tokens.spacingVerticalS },
  full: { width: "100%", minWidth: 0 },
});

/** 汇总选项, collapsed by default: city-level name, district list, normalisation, year. */
export function ConsolidateOptions(props: { lang: Lang; value: OptionsInput; onChange: (v: OptionsInput) => void; disabled: boolean }): React.JSX.Element {
  const { lang, value, onChange, disabled } = props;
  const styles = useStyles();
  const set = (patch: Partial<OptionsInput>) => onChange({ ...value, ...patch });
  const yearError = parseYearOption(value.year) === null ? t(lang, "consolidate.yearInvalid") : undefined;

  return (
    <Accordion collapsible>
      <AccordionItem value="options">
        <AccordionHeader size="small">{t(lang, "consolidate.options")}</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <Field label={t(lang, "consolidate.city")} hint={t(lang, "consolidate.cityHint")}>
            <Input className={styles.full} value={value.city} disabled={disabled} placeholder={t(lang, "consolidate.cityPlaceholder")} onChange={(_e, d) => set({ city: d.value })} />
          </Field>
          <Field label={t(lang, "consolidate.districtList")} hint={t(lang, "consolidate.districtListHint")}>
            <Textarea className={styles.full} value={value.districtList} disabled={disabled} resize="vertical" rows={4} onChange={(_e, d) => set({ districtList: d.value })} />
          </Field>
          <Field label={t(lang, "consolidate.normalisation")} hint={t(lang, "consolidate.normalisationHint")}>
            <RadioGroup value={value.normalisation} disabled={disabled} onChange={(_e, d) => set({ normalisation: d.value as OptionsInput["normalisation"] })}>
              <Radio value="sheet" label={t(lang, "consolidate.fromWeightsSheet")} />
              <Radio value="minmax" label={t(lang, "consolidate.minmax")} />
              <Radio value="goalposts" label={t(lang, "consolidate.goalposts")} />
            </RadioGroup>
          </Field>
          <Field label={t(lang, "consolidate.year")} validationMessage={yearError} validationState={yearError ? "error" : "none"}>
            <Input
              className={styles.full}
              value={value.year}
              disabled={disabled}
              inputMode="numeric"
              placeholder={t(lang, "consolidate.yearPlaceholder")}
              onChange={(_e, d) => set({ year: d.value })}
            />
          </Field>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
