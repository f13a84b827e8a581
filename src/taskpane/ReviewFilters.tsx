import * as React from "react";
import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { t, type Lang } from "./i18n";
import { SEVERITIES } from "./Legend";
import { REVIEW_STATUSES, type ReviewFilter, type SeverityFilter, type StatusFilter } from "./review-rows";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "repeat(2, minmax(0, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
    border: "none",
    margin: 0,
    padding: 0,
  },
  legend: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" },
  select: { minWidth: 0 },
});

export interface ReviewFiltersProps {
  readonly lang: Lang;
  readonly value: ReviewFilter;
  readonly onChange: (f: ReviewFilter) => void;
  readonly districts: readonly string[];
  readonly dimensions: readonly { code: string; name: string }[];
}

/** Severity, district, dimension and status: four native selects, two by two at the pane's width. */
export function ReviewFilters(props: ReviewFiltersProps): React.JSX.Element {
  const { lang, value, onChange, districts, dimensions } = props;
  const styles = useStyles();
  const set = (patch: Partial<ReviewFilter>) => onChange({ ...value, ...patch });
  return (
    <fieldset className={styles.root}>
      <legend className={styles.legend}>{t(lang, "review.filters")}</legend>
      <Field label={t(lang, "review.filterSeverity")} size="small">
        <Select className={styles.select} size="small" value={value.severity} onChange={(_e, d) => set({ severity: d.value as SeverityFilter })}>
          <option value="all">{t(lang, "review.allSeverities")}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(lang, `severity.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(lang, "review.filterDistrict")} size="small">
        <Select className={styles.select} size="small" value={value.district} onChange={(_e, d) => set({ district: d.value })}>
          <option value="">{t(lang, "review.allDistricts")}</option>
          {districts.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(lang, "review.filterDimension")} size="small">
        <Select className={styles.select} size="small" value={value.dimension} onChange={(_e, d) => set({ dimension: d.value })}>
          <option value="">{t(lang, "review.allDimensions")}</option>
          {dimensions.map((d) => (
            <option key={d.code} value={d.code}>
              {`${d.code} ${d.name}`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(lang, "review.filterStatus")} size="small">
        <Select className={styles.select} size="small" value={value.status} onChange={(_e, d) => set({ status: d.value as StatusFilter })}>
          <option value="outstanding">{t(lang, "review.outstanding")}</option>
          <option value="all">{t(lang, "review.allStatuses")}</option>
          {REVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(lang, `review.status.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
    </fieldset>
  );
}
