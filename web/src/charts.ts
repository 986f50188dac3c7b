/**
 * ECharts set-up shared by the pages: only the chart types and components the app uses (so the
 * chart chunk stays small), the library's Arabic locale with the month names of the chosen
 * style, disposal on navigation, resizing, and the mirroring right-to-left needs (time runs
 * leftwards, category axes sit on the right, legends start at the right). Tooltips render as
 * rich text on the canvas, so no data becomes HTML and no inline style is needed under the CSP.
 * Every chart gets a text alternative: the data as a table under a disclosure (`dataTable`).
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import langAR from 'echarts/i18n/langAR-obj.js';
import { fmtAxisDate, fmtNumber, fmtSigned, isRtl, locale, monthNames } from './i18n.js';
import type { PageContext } from './page.js';

export { dataTable } from './data-table.js';

echarts.use([BarChart, LineChart, ScatterChart, AriaComponent, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
export { echarts };

let registeredFor = '';
/** The library's Arabic locale, with month names in the reader's chosen style. */
function chartLocale(): string {
  if (!isRtl()) return 'EN';
  const key = locale();
  if (registeredFor !== key) {
    echarts.registerLocale('AR', { ...langAR, time: { ...langAR.time, month: monthNames('long'), monthAbbr: monthNames('short') } } as unknown as Parameters<typeof echarts.registerLocale>[1]);
    registeredFor = key;
  }
  return 'AR';
}

export function makeChart(el: HTMLElement, ctx: PageContext, description?: string): echarts.ECharts {
  // The canvas is drawn for sighted readers; the container says what it is, and a data table
  // follows for everyone else.
  el.setAttribute('role', 'img');
  if (description) el.setAttribute('aria-label', description);
  const chart = echarts.init(el, undefined, { renderer: 'canvas', locale: chartLocale() });
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(el);
  ctx.onLeave(() => {
    observer.disconnect();
    chart.dispose();
  });
  return chart;
}

/** Options every chart shares: font, rich-text tooltip, mirrored legend, digits of the UI. */
export function base(): echarts.EChartsCoreOption {
  const rtl = isRtl();
  return {
    textStyle: { fontFamily: rtl ? 'Noto Naskh Arabic, Noto Sans, serif' : 'Noto Sans, Noto Naskh Arabic, sans-serif' },
    tooltip: { renderMode: 'richText', confine: true },
    legend: { top: 0, type: 'scroll', ...(rtl ? { right: 10 } : { left: 10 }) },
    grid: { top: 40, bottom: 40, containLabel: true, left: 20, right: 20 },
    animation: false,
    // The container's aria-label describes the chart; the library's own description is off.
    aria: { enabled: false },
  };
}

/** A value axis drawn from right to left when the page is RTL, with numbers in the UI's digits. */
export function mirrored<T extends object>(axis: T): T & { inverse: boolean } {
  return { axisLabel: { formatter: (v: number) => fmtNumber(v, 2) }, ...axis, inverse: isRtl() };
}

/** A time axis mirrored for RTL whose labels are Intl dates in the UI's language and style. */
export function timeAxis<T extends object>(axis: T): T & { type: 'time'; inverse: boolean } {
  return {
    ...axis,
    type: 'time',
    inverse: isRtl(),
    axisLabel: {
      hideOverlap: true,
      formatter: (v: number) => {
        const d = new Date(v);
        return d.getUTCMonth() === 0 && d.getUTCDate() === 1 ? fmtAxisDate(v, 'year') : fmtAxisDate(v, 'month');
      },
    },
  };
}

/** Where a category axis sits: at the start side of the reading direction. */
export function startSide(): 'left' | 'right' {
  return isRtl() ? 'right' : 'left';
}

/** Bars along the reading direction, one group per category, one series per scenario. */
export function horizontalBars(el: HTMLElement, ctx: PageContext, title: string, categories: string[], series: Array<{ name: string; values: number[] }>, signColours = false): void {
  el.style.height = `${Math.max(320, 80 + categories.length * 24)}px`;
  const chart = makeChart(el, ctx, title);
  chart.setOption({
    ...base(),
    xAxis: mirrored({ type: 'value' }),
    yAxis: { type: 'category', data: categories, position: startSide(), inverse: true, axisLabel: { width: el.clientWidth < 500 ? 110 : 170, overflow: 'truncate' } },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values.map((v) => (signColours && series.length === 1 ? { value: v, itemStyle: { color: v >= 0 ? '#1a7f37' : '#c62828' } } : v)),
    })),
    tooltip: { renderMode: 'richText', trigger: 'axis', valueFormatter: (v: number) => fmtSigned(v, 3) },
  });
}
