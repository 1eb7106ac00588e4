'use client';
import { useEffect, useId, useRef, useState } from 'react';
import {
  type AnalyticsTimespan,
  CHAT_SOURCES,
  type ChatSource,
  type LogFeedbackFilter,
} from '../../client/types';
import { useAnalyticsStrings } from '../../i18n/analytics-strings-context';
import { formatLabel } from '../markdown/markdown-labels';
import {
  type AnalyticsFilters,
  type DateRangePreset,
  hasNarrowingFilters,
  type ResolvedRange,
  toDayString,
} from './analytics-filters-model';
import { DisclosurePopover } from './disclosure-popover';

/** How long typing pauses before the search applies (ms). */
const SEARCH_DELAY = 300;
const PRESETS: readonly DateRangePreset[] = ['7d', '30d', '90d', 'custom'];
const TIMESPANS: readonly AnalyticsTimespan[] = ['day', 'week', 'month'];
const FEEDBACK: readonly LogFeedbackFilter[] = ['all', 'has_feedback', 'good', 'bad'];

/** Props of {@link AnalyticsFilterBar}. */
export interface AnalyticsFilterBarProps {
  /** The filters shown. */
  filters: AnalyticsFilters;
  /** A control changed them. */
  onChange: (filters: AnalyticsFilters) => void;
  /** The resolved range (a custom one may be unusable, and says why). */
  range: ResolvedRange;
}

/** Date range, chart grouping, sources, search, feedback and errors-only, in one wrapping bar. */
export function AnalyticsFilterBar({ filters, onChange, range }: AnalyticsFilterBarProps) {
  const strings = useAnalyticsStrings();
  const id = useId();
  const set = (patch: Partial<AnalyticsFilters>) => onChange({ ...filters, ...patch });
  const [search, setSearch] = useState(filters.search);

  // The box follows outside changes (a controlling parent) without losing what is typed; Clear filters
  // (nothing narrows any more) also drops a search still waiting for its pause.
  useEffect(() => setSearch(filters.search), [filters.search]);
  useEffect(() => {
    if (!hasNarrowingFilters(filters)) setSearch('');
  }, [filters]);
  // The pause is timed from the last keystroke only; a parent re-rendering meanwhile must not restart it.
  const latest = useRef({ filters, onChange });
  latest.current = { filters, onChange };
  useEffect(() => {
    const { filters: current, onChange: change } = latest.current;
    if (search === current.search) return;
    const timer = setTimeout(() => {
      // Enter may have applied it already.
      if (latest.current.filters.search !== search) change({ ...latest.current.filters, search });
    }, SEARCH_DELAY);
    return () => clearTimeout(timer);
  }, [search]);

  const toggleSource = (source: ChatSource, on: boolean) => {
    const chosen = new Set(filters.sources);
    if (on) chosen.add(source);
    else chosen.delete(source);
    set({ sources: CHAT_SOURCES.filter((s) => chosen.has(s)) });
  };
  const sourcesText =
    filters.sources.length === 0
      ? strings.sourcesAll
      : filters.sources.length === 1
        ? strings.sources[filters.sources[0] as ChatSource]
        : formatLabel(strings.sourcesCount, { count: filters.sources.length });
  const rangeError = range.ok
    ? undefined
    : { missing: strings.rangeMissing, invalid: strings.rangeInvalid, reversed: strings.rangeReversed }[
        range.reason
      ];

  return (
    <section className="fgk-filter-bar" data-slot="filter-bar" aria-label={strings.filtersLabel}>
      <fieldset className="fgk-segmented">
        <legend className="fgk-visually-hidden">{strings.rangeLabel}</legend>
        {PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            className="fgk-segment"
            aria-pressed={filters.preset === preset}
            onClick={() =>
              // A custom range starts from the days shown, so editing one end keeps the other.
              preset === 'custom' && range.ok
                ? set({
                    preset,
                    from: filters.from ?? toDayString(range.start),
                    to: filters.to ?? toDayString(range.end),
                  })
                : set({ preset })
            }
          >
            {strings.presets[preset]}
          </button>
        ))}
      </fieldset>
      {filters.preset === 'custom' && (
        <div className="fgk-filter-dates">
          <label className="fgk-filter-field">
            <span>{strings.rangeFrom}</span>
            <input
              type="date"
              className="fgk-form-input"
              value={filters.from ?? ''}
              aria-invalid={rangeError ? true : undefined}
              aria-describedby={rangeError ? `${id}-range` : undefined}
              onChange={(event) => set({ from: event.target.value })}
            />
          </label>
          <label className="fgk-filter-field">
            <span>{strings.rangeTo}</span>
            <input
              type="date"
              className="fgk-form-input"
              value={filters.to ?? ''}
              aria-invalid={rangeError ? true : undefined}
              aria-describedby={rangeError ? `${id}-range` : undefined}
              onChange={(event) => set({ to: event.target.value })}
            />
          </label>
          {rangeError && (
            <p id={`${id}-range`} className="fgk-filter-error" role="alert">
              {rangeError}
            </p>
          )}
        </div>
      )}
      <label className="fgk-filter-field">
        <span>{strings.timespanLabel}</span>
        <select
          className="fgk-form-input"
          value={filters.timespan}
          onChange={(event) => set({ timespan: event.target.value as AnalyticsTimespan })}
        >
          {TIMESPANS.map((timespan) => (
            <option key={timespan} value={timespan}>
              {strings.timespans[timespan]}
            </option>
          ))}
        </select>
      </label>
      <DisclosurePopover
        slot="source-filter"
        panelLabel={strings.sourcesLabel}
        label={sourcesText}
        buttonLabel={`${strings.sourcesLabel}: ${sourcesText}`}
      >
        {CHAT_SOURCES.map((source) => (
          <label key={source} className="fgk-check">
            <input
              type="checkbox"
              checked={filters.sources.includes(source)}
              onChange={(event) => toggleSource(source, event.target.checked)}
            />
            {strings.sources[source]}
          </label>
        ))}
      </DisclosurePopover>
      <label className="fgk-filter-field fgk-filter-search">
        <span>{strings.searchLabel}</span>
        <input
          type="search"
          className="fgk-form-input"
          value={search}
          placeholder={strings.searchPlaceholder}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && search !== filters.search) set({ search });
          }}
        />
      </label>
      <label className="fgk-filter-field">
        <span>{strings.feedbackLabel}</span>
        <select
          className="fgk-form-input"
          value={filters.feedback}
          onChange={(event) => set({ feedback: event.target.value as LogFeedbackFilter })}
        >
          {FEEDBACK.map((feedback) => (
            <option key={feedback} value={feedback}>
              {strings.feedbackFilters[feedback]}
            </option>
          ))}
        </select>
      </label>
      <label className="fgk-check">
        <input
          type="checkbox"
          checked={filters.hasError}
          onChange={(event) => set({ hasError: event.target.checked })}
        />
        {strings.hasErrorLabel}
      </label>
      {hasNarrowingFilters(filters) && (
        <button
          type="button"
          className="fgk-button"
          onClick={() => onChange({ ...filters, sources: [], search: '', feedback: 'all', hasError: false })}
        >
          {strings.clearFilters}
        </button>
      )}
    </section>
  );
}
