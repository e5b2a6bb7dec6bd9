/**
 * A forest as the attributes of ai.onnx.ml TreeEnsembleClassifier: nodes tree by tree with each
 * root first (onnxruntime takes a tree's first listed node as its root), node ids equal to the
 * array index within the tree, and one class weight entry per non-zero leaf unit count.
 */
import type { RandomForest } from './forest-types.js';
import { PROBABILITY_UNITS } from './forest-types.js';
import type { OnnxAttribute } from './onnx-proto.js';

function nodeAttributes(model: RandomForest): OnnxAttribute[] {
  const treeIds: number[] = [];
  const nodeIds: number[] = [];
  const features: number[] = [];
  const values: number[] = [];
  const modes: string[] = [];
  const trueIds: number[] = [];
  const falseIds: number[] = [];
  model.trees.forEach((tree, t) => {
    for (let i = 0; i < tree.feature.length; i++) {
      const leaf = tree.feature[i]! < 0;
      treeIds.push(t);
      nodeIds.push(i);
      features.push(leaf ? 0 : tree.feature[i]!);
      values.push(leaf ? 0 : tree.threshold[i]!);
      modes.push(leaf ? 'LEAF' : 'BRANCH_LEQ');
      trueIds.push(leaf ? 0 : tree.left[i]!);
      falseIds.push(leaf ? 0 : tree.right[i]!);
    }
  });
  return [
    { name: 'nodes_falsenodeids', ints: falseIds },
    { name: 'nodes_featureids', ints: features },
    { name: 'nodes_modes', strings: modes },
    { name: 'nodes_nodeids', ints: nodeIds },
    { name: 'nodes_treeids', ints: treeIds },
    { name: 'nodes_truenodeids', ints: trueIds },
    { name: 'nodes_values', floats: values },
  ];
}

function classWeightAttributes(model: RandomForest): OnnxAttribute[] {
  const C = model.classLabels.length;
  const classIds: number[] = [];
  const nodeIds: number[] = [];
  const treeIds: number[] = [];
  const weights: number[] = [];
  model.trees.forEach((tree, t) => {
    tree.leafRow.forEach((row, node) => {
      for (let c = 0; row >= 0 && c < C; c++) {
        const units = tree.leafUnits[row * C + c]!;
        if (units === 0) continue;
        classIds.push(c);
        nodeIds.push(node);
        treeIds.push(t);
        weights.push(units / PROBABILITY_UNITS);
      }
    });
  });
  return [
    { name: 'class_ids', ints: classIds },
    { name: 'class_nodeids', ints: nodeIds },
    { name: 'class_treeids', ints: treeIds },
    { name: 'class_weights', floats: weights },
  ];
}

/**
 * All TreeEnsembleClassifier attributes of `model`, with post_transform NONE so the outputs are
 * the summed class weights, i.e. the probabilities.
 * Cost: O(total nodes · classes).
 */
export function treeEnsembleAttributes(model: RandomForest): OnnxAttribute[] {
  return [
    ...classWeightAttributes(model),
    { name: 'classlabels_strings', strings: model.classLabels },
    ...nodeAttributes(model),
    { name: 'post_transform', string: 'NONE' },
  ];
}
