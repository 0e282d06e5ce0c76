/**
 * Chart.js configurations built from analysis data: pure functions, JSON out. The browser draws
 * them (views put each in a `data-chart` attribute) and exports can render the same objects.
 */
export * from './spec.js'
export * from './scales.js'
export * from './corpus-charts.js'
export * from './article-charts.js'
export * from './framing-charts.js'
