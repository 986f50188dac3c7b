/**
 * ECharts set-up shared by the pages: disposal on navigation, resizing, and the mirroring
 * right-to-left needs (time runs leftwards, category axes sit on the right, legends start at
 * the right). Tooltips render as rich text on the canvas, so no data becomes HTML and no inline
 * style is needed under the CSP.
 */
import * as echarts from 'echarts';
import { isRtl } from './i18n.js';
import type { PageContext } from './page.js';

export { echarts };

export function makeChart(el: HTMLElement, ctx: PageContext): echarts.ECharts {
  const chart = echarts.init(el, undefined, { renderer: 'canvas' });
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(el);
  ctx.onLeave(() => {
    observer.disconnect();
    chart.dispose();
  });
  return chart;
}

/** Options every chart shares: font, rich-text tooltip, mirrored legend. */
export function base(): echarts.EChartsCoreOption {
  const rtl = isRtl();
  return {
    textStyle: { fontFamily: rtl ? 'Noto Naskh Arabic, Noto Sans, serif' : 'Noto Sans, Noto Naskh Arabic, sans-serif' },
    tooltip: { renderMode: 'richText', confine: true },
    legend: { top: 0, ...(rtl ? { right: 10 } : { left: 10 }) },
    grid: { top: 40, bottom: 40, containLabel: true, left: 20, right: 20 },
    animation: false,
  };
}

/** A value axis drawn from right to left when the page is RTL. */
export function mirrored<T extends object>(axis: T): T & { inverse: boolean } {
  return { ...axis, inverse: isRtl() };
}

/** Where a category axis sits: at the start side of the reading direction. */
export function startSide(): 'left' | 'right' {
  return isRtl() ? 'right' : 'left';
}

