import type { Count } from '@/lib/reports';

const number = new Intl.NumberFormat('en-GB');

/** "Thames Valley Police: 2; Berkshire Healthcare: 3": a chart's numbers in words. */
export function countsInWords(counts: readonly Count[], unit = ''): string {
  return counts.map((count) => `${count.label}: ${number.format(count.count)}${unit}`).join('; ');
}

interface BarChartProps {
  title: string;
  counts: readonly Count[];
  /** Where the bars' scale ends; the largest count when absent. */
  max?: number;
  /** Written after each number, e.g. "%". */
  unit?: string;
}

/**
 * Horizontal bars, each a line of SVG sized in per cent, with its label and
 * number as text beside it so they stay readable at any width. The chart shows
 * the same numbers as the table after it; to assistive technology it is one
 * image whose name gives them in words. Colours come from the page's CSS, so
 * dark mode and print follow.
 */
export function BarChart({ title, counts, max, unit = '' }: BarChartProps) {
  const top = Math.max(max ?? 0, ...counts.map((count) => count.count), 1);
  return (
    <div className="bar-chart" role="img" aria-label={`${title}. ${countsInWords(counts, unit)}.`}>
      {counts.map((count) => (
        <div className="bar-row" key={count.key}>
          <span className="bar-label">{count.label}</span>
          <svg className="bar" width="100%" height="14" aria-hidden="true" focusable="false">
            <rect width={`${(count.count / top) * 100}%`} height="14" />
          </svg>
          <span className="bar-value">
            {number.format(count.count)}
            {unit}
          </span>
        </div>
      ))}
    </div>
  );
}
