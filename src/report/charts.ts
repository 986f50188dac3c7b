/**
 * Charts for the briefing, rendered to SVG strings by ECharts' server-side renderer so they are
 * embedded in the file (no script, no network). Arabic charts are mirrored: bars grow from the
 * right and category labels sit on the right.
 */
// Only what the briefing draws: bar charts with a grid and a legend, rendered to SVG. The whole
// of ECharts would cost the server ~0.6 s to load.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { Lang } from './briefing.js';

echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

const FONT = "'Noto Naskh Arabic', 'Noto Sans', sans-serif";

function render(key: string, option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT, fontSize: 12 }, ...option });
    return stableClassNames(chart.renderToSVGString(), key);
  } finally {
    // Disposing stops ECharts' internal timers, which would otherwise keep Node alive.
    chart.dispose();
  }
}

/**
 * ECharts numbers the CSS classes of its SVG with a process-wide counter (`zr3-cls-11`); the
 * same chart would differ between runs. Renumber them in order of appearance.
 */
function stableClassNames(svg: string, key: string): string {
  const names = new Map<string, string>();
  return svg.replace(/zr\d+-cls-\d+/g, (m) => {
    let name = names.get(m);
    if (!name) {
      name = `${key}-${names.size}`;
      names.set(m, name);
    }
    return name;
  });
}

const percent = (v: number) => `${Math.round(v * 100)}%`;

/**
 * The frame both charts share: one row per label, labels on the reading side (right in Arabic)
 * and the value axis running towards it.
 */
function rowsFrame(labels: string[], rtl: boolean, top: number) {
  return {
    grid: { left: rtl ? 40 : 190, right: rtl ? 190 : 40, top, bottom: 28 },
    yAxis: {
      type: 'category',
      position: rtl ? 'right' : 'left',
      inverse: true,
      data: labels,
      axisLabel: { width: 180, overflow: 'truncate' },
    },
  };
}

/** Horizontal bars, one per label, positive green and negative red. */
export function barChartSvg(rows: Array<{ label: string; value: number }>, lang: Lang, options: { percent?: boolean } = {}): string {
  const rtl = lang === 'ar';
  return render(
    'bars',
    {
      ...rowsFrame(rows.map((r) => r.label), rtl, 16),
      xAxis: { type: 'value', inverse: rtl, axisLabel: { formatter: options.percent ? percent : undefined } },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => ({ value: r.value, itemStyle: { color: r.value >= 0 ? '#2e7d32' : '#c62828' } })),
          barMaxWidth: 18,
        },
      ],
    },
    640,
    Math.max(120, 40 + rows.length * 26),
  );
}

/** Stacked bars of P(rise) and P(fall) per outcome. */
export function probabilityChartSvg(
  rows: Array<{ label: string; rise: number; fall: number }>,
  lang: Lang,
  legend: { rise: string; fall: string },
): string {
  const rtl = lang === 'ar';
  return render(
    'probabilities',
    {
      ...rowsFrame(rows.map((r) => r.label), rtl, 30),
      legend: { top: 0, data: [legend.rise, legend.fall] },
      xAxis: { type: 'value', max: 1, inverse: rtl, axisLabel: { formatter: percent } },
      series: [
        { name: legend.rise, type: 'bar', stack: 'p', data: rows.map((r) => r.rise), itemStyle: { color: '#1565c0' } },
        { name: legend.fall, type: 'bar', stack: 'p', data: rows.map((r) => r.fall), itemStyle: { color: '#ef6c00' } },
      ],
    },
    640,
    Math.max(140, 60 + rows.length * 26),
  );
}
