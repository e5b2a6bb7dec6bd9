import type { VariableModel } from '@grafana/schema';
import { PROMETHEUS, type QueryVariable } from './dashboard-model.js';
import type { AsJson } from './grafana-schema.js';

interface LabelVariableSpec {
  name: string;
  label: string;
  description: string;
  /** Series selector whose label values are offered, e.g. `drift_feature_psi{dataset="$dataset"}`. */
  selector: string;
  labelName: string;
  /** Several values at once, with an "All" entry selected at first. */
  multi?: boolean;
}

/**
 * A variable offering the values of one label (Grafana's `label_values(selector, label)`). The
 * object is checked field by field against the schema's variable model: a field Grafana's schema
 * does not know (such as the editor's `definition`) is a compile error here.
 */
export function labelVariable(spec: LabelVariableSpec): QueryVariable {
  const definition = `label_values(${spec.selector}, ${spec.labelName})`;
  const multi = spec.multi ?? false;
  return {
    type: 'query',
    name: spec.name,
    label: spec.label,
    description: spec.description,
    datasource: PROMETHEUS,
    query: { qryType: 1, query: definition, refId: 'PrometheusVariableQueryEditor-VariableQuery' },
    refresh: 2,
    sort: 1,
    multi,
    includeAll: multi,
    current: multi
      ? { selected: true, text: ['All'], value: ['$__all'] }
      : { selected: false, text: '', value: '' },
    options: [],
    hide: 0,
    regex: '',
    skipUrlSync: false,
  } satisfies QueryVariable satisfies AsJson<VariableModel>;
}

/** Every dashboard's `dataset` variable: the datasets the monitoring service reports windows for. */
export function datasetVariable(): QueryVariable {
  return labelVariable({
    name: 'dataset',
    label: 'Dataset',
    description: 'The monitored dataset (model) whose series the panels show.',
    selector: 'drift_window_events',
    labelName: 'dataset',
  });
}
