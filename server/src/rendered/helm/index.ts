/**
 * Helm charts as a rendered source: a folder with `Chart.yaml` is rendered with `helm template`, once per layering of
 * values, and each finding in what it renders is traced back to the values line or template line that caused it.
 */
import { parseFile } from '../../kubernetes/manifest';
import { renderedUri, type SourceKind } from '../source';
import { chartInputs, chartVariants, isChartRoot, layersOf, type ValuesScope } from './chartFiles';
import type { ValuesLayer } from './values';
import { originOf } from './origin';
import { chartProblem } from './problem';
import { SentinelRenders } from './trace';

/**
 * The Helm kind: `Chart.yaml` roots a chart; its variants are `helm template release-name <chart> --skip-tests`, then
 * with `--values=<file>` per other values file, then with `--set=<value set>` per value set; `originOf` may render
 * again with sentinels (at most five renders per finding, cached per render, cancelled with the signal).
 */
export const helmSource: SourceKind = {
  tool: 'helm',
  isRootFile: isChartRoot,
  variants: chartVariants,
  interpret(rootDir, variant, stdout, io) {
    const file = parseFile(renderedUri(rootDir, variant), stdout);
    // Values are read once per render and subchart, when the first finding asks: a render without findings reads none.
    const layers = new Map<string, ValuesLayer[]>();
    const layersFor = (scope: ValuesScope) => {
      const key = scope.join('/');
      let known = layers.get(key);
      if (!known) layers.set(key, (known = layersOf(rootDir, variant, io.read, scope)));
      return known;
    };
    const renders = new SentinelRenders(rootDir, variant, io.run);
    return {
      variant,
      file,
      originOf(start, _end, signal) {
        return originOf({ rootDir, variant, file, layersFor, read: io.read, renders }, start, signal);
      },
    };
  },
  problem: chartProblem,
  inputs: (rootDir, _read, list) => chartInputs(rootDir, list),
};

export { RELEASE_NAME } from './chartFiles';
export { templateFieldAt, renderedValues, describeRenderedValues, type TemplateField, type RenderedValue } from './hover';
