import { draftPanel, type PanelDraft, type PanelSpec } from './panel-spec.js';

/**
 * One row per series and one column per time step, each cell coloured by the value: e.g. a
 * feature × time map of a drift statistic. The series are drawn as they are (no bucketing
 * is calculated), ordered by their legend; `maxValue` fixes the top of the colour scale.
 */
export function seriesHeatmap(spec: PanelSpec & { maxValue: number }): PanelDraft {
  return draftPanel(spec, {
    type: 'heatmap',
    colorMode: 'palette-classic',
    custom: {
      hideFrom: { legend: false, tooltip: false, viz: false },
      scaleDistribution: { type: 'linear' },
    },
    options: {
      calculate: false,
      cellGap: 1,
      cellValues: { unit: spec.unit, decimals: spec.decimals ?? 2 },
      color: {
        mode: 'scheme',
        scheme: 'Oranges',
        fill: 'dark-orange',
        scale: 'exponential',
        exponent: 0.5,
        steps: 64,
        reverse: false,
        min: 0,
        max: spec.maxValue,
      },
      exemplars: { color: 'rgba(255,0,255,0.7)' },
      filterValues: { le: 1e-9 },
      legend: { show: true },
      rowsFrame: { layout: 'auto' },
      tooltip: { mode: 'single', yHistogram: false, showColorScale: true },
      yAxis: { axisPlacement: 'left', reverse: false },
      showValue: 'never',
    },
  });
}
