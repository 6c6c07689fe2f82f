/** The Vega-Lite specifications of the report's two plots, data inline. */
import type { ConvergencePoint } from './convergence.js';
import { ALL_KERNELS } from './convergence.js';
import type { ParetoView } from './pareto.js';

type Spec = Record<string, unknown>;
const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Best-so-far against evaluations, one line per agent; a menu picks all kernels (geomean) or one kernel. */
export function convergenceSpec(points: readonly ConvergencePoint[], yTitle: string): Spec {
  const kernels = [ALL_KERNELS, ...[...new Set(points.map((p) => p.kernel))].filter((k) => k !== ALL_KERNELS).sort()];
  return {
    $schema: SCHEMA,
    width: 720,
    height: 340,
    data: { values: points },
    params: [{ name: 'kernel', value: ALL_KERNELS, bind: { input: 'select', options: kernels, name: 'kernel: ' } }],
    transform: [{ filter: 'datum.kernel === kernel' }],
    mark: { type: 'line', interpolate: 'step-after', point: false, strokeWidth: 2 },
    encoding: {
      x: { field: 'evaluation', type: 'quantitative', title: 'evaluation' },
      y: { field: 'ratio', type: 'quantitative', title: yTitle, scale: { zero: false } },
      color: { field: 'agent', type: 'nominal', title: 'agent' },
      tooltip: [
        { field: 'agent' }, { field: 'kernel' }, { field: 'evaluation' },
        { field: 'ratio', format: '.4f', title: 'best so far (geomean)' }, { field: 'runs', title: 'runs with a valid candidate' },
      ],
    },
  };
}

export function paretoSpec(view: ParetoView, facet: boolean): Spec {
  return view.mode === 'runtime-size' ? twoD(view, facet) : sizeOnly(view, facet);
}

const tooltip = [
  { field: 'label', title: 'what' }, { field: 'kernel' }, { field: 'size', format: '.4f', title: 'size ×Oz' },
  { field: 'runtime', format: '.4f', title: 'runtime ×O3' }, { field: 'low', format: '.4f', title: 'CI low' }, { field: 'high', format: '.4f', title: 'CI high' },
  { field: 'runtimeSource', title: 'runtime from' },
];

function twoD(view: ParetoView, facet: boolean): Spec {
  const x = { field: 'size', type: 'quantitative', title: 'size ×Oz (lower is smaller)', scale: { zero: false } };
  const y = { field: 'runtime', type: 'quantitative', title: 'runtime ×O3 (lower is faster)', scale: { type: 'log' } };
  const layers: Spec[] = [
    { transform: [{ filter: "datum.kind === 'run'" }], mark: { type: 'point', filled: true, opacity: 0.35, size: 30 }, encoding: { x, y, color: { field: 'agent', type: 'nominal' }, tooltip } },
    { transform: [{ filter: "datum.kind === 'agent' && datum.front" }, { calculate: 'datum.size', as: 'order' }], mark: { type: 'line', color: '#333', strokeDash: [4, 3] }, encoding: { x, y, order: { field: 'order', type: 'quantitative' } } },
    { transform: [{ filter: "datum.kind === 'agent'" }], mark: { type: 'point', filled: true, size: 160, stroke: '#000', strokeWidth: 1 }, encoding: { x, y, color: { field: 'agent', type: 'nominal' }, shape: { field: 'front', type: 'nominal', title: 'on the front', scale: { domain: [true, false], range: ['diamond', 'circle'] } }, tooltip } },
    { transform: [{ filter: "datum.kind === 'level'" }], mark: { type: 'point', shape: 'square', filled: true, color: '#000', size: 70 }, encoding: { x, y, tooltip } },
    { transform: [{ filter: "datum.kind === 'level'" }], mark: { type: 'text', align: 'left', dx: 7, dy: -7, fontWeight: 'bold' }, encoding: { x, y, text: { field: 'label' } } },
  ];
  const rules: Spec[] = view.rules.map((r) => ({
    data: { values: [r] },
    layer: [
      { mark: { type: 'rule', color: '#000', strokeDash: [6, 3] }, encoding: r.axis === 'size' ? { x: { field: 'value', type: 'quantitative' } } : { y: { field: 'value', type: 'quantitative' } } },
      { mark: { type: 'text', align: 'left', dx: 4, dy: r.axis === 'size' ? 0 : -6, ...(r.axis === 'size' ? { y: 8 } : { x: 4 }) }, encoding: { ...(r.axis === 'size' ? { x: { field: 'value', type: 'quantitative' } } : { y: { field: 'value', type: 'quantitative' } }), text: { field: 'label' } } },
    ],
  }));
  if (facet) {
    return { $schema: SCHEMA, data: { values: view.points }, facet: { field: 'kernel', type: 'nominal' }, columns: 3, spec: { width: 300, height: 240, layer: layers }, resolve: { scale: { x: 'independent', y: 'independent' } } };
  }
  return { $schema: SCHEMA, width: 720, height: 420, layer: [{ data: { values: view.points }, layer: layers }, ...rules] };
}

function sizeOnly(view: ParetoView, facet: boolean): Spec {
  const x = { field: 'size', type: 'quantitative', title: 'size ×Oz (lower is smaller)', scale: { zero: false } };
  const yAgent = { field: 'label', type: 'nominal', title: null, sort: { field: 'size', op: 'min' } };
  const layers: Spec[] = [
    { transform: [{ filter: "datum.kind === 'run'" }], mark: { type: 'tick', opacity: 0.45, thickness: 2 }, encoding: { x, y: { field: 'agent', type: 'nominal', title: null }, color: { field: 'agent', type: 'nominal', legend: null }, tooltip } },
    { transform: [{ filter: "datum.kind === 'agent'" }], mark: { type: 'point', filled: true, size: 140, stroke: '#000' }, encoding: { x, y: { field: 'agent', type: 'nominal', title: null }, color: { field: 'agent', type: 'nominal', legend: null }, shape: { field: 'front', type: 'nominal', title: 'smallest', scale: { domain: [true, false], range: ['diamond', 'circle'] } }, tooltip } },
    { transform: [{ filter: "datum.kind === 'level'" }], mark: { type: 'rule', color: '#000', strokeDash: [6, 3] }, encoding: { x, tooltip } },
    { transform: [{ filter: "datum.kind === 'level'" }], mark: { type: 'text', angle: 0, dy: -6, fontWeight: 'bold', baseline: 'bottom' }, encoding: { x, text: { field: 'label' }, y: { value: 0 } } },
  ];
  if (facet) {
    const tuneLayers: Spec[] = [
      { transform: [{ filter: "datum.kind !== 'level'" }], mark: { type: 'point', filled: true, size: 120 }, encoding: { x, y: yAgent, tooltip } },
      { transform: [{ filter: "datum.kind === 'level'" }], mark: { type: 'point', shape: 'square', filled: true, color: '#000', size: 60 }, encoding: { x, y: yAgent, tooltip } },
    ];
    return { $schema: SCHEMA, data: { values: view.points }, facet: { field: 'kernel', type: 'nominal' }, columns: 2, spec: { width: 320, height: 180, layer: tuneLayers }, resolve: { scale: { x: 'independent', y: 'independent' } } };
  }
  return { $schema: SCHEMA, width: 720, height: 60 + 28 * new Set(view.points.filter((p) => p.agent).map((p) => p.agent)).size, data: { values: view.points }, layer: layers };
}
