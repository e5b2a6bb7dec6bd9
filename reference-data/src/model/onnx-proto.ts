/**
 * Serialisers for the few ONNX messages a single-node model needs, with field numbers from
 * onnx/onnx.proto: ModelProto, OperatorSetIdProto, StringStringEntryProto, GraphProto, NodeProto,
 * AttributeProto, ValueInfoProto, TypeProto.Tensor and TensorShapeProto.
 */
import { ProtoWriter } from './protobuf-writer.js';

/** TensorProto.DataType values used here. */
export const ONNX_FLOAT = 1;
export const ONNX_STRING = 8;

/** AttributeProto.AttributeType values. */
const ATTRIBUTE_TYPE = { float: 1, int: 2, string: 3, floats: 6, ints: 7, strings: 8 } as const;

export type OnnxAttribute =
  | { name: string; float: number }
  | { name: string; int: number }
  | { name: string; string: string }
  | { name: string; floats: ArrayLike<number> }
  | { name: string; ints: ArrayLike<number> }
  | { name: string; strings: readonly string[] };

/** A graph input or output: a tensor with an element type and dimensions (number or name). */
export interface OnnxValueInfo {
  name: string;
  elemType: number;
  dims: ReadonlyArray<number | string>;
}

export interface OnnxNode {
  name: string;
  opType: string;
  domain: string;
  inputs: readonly string[];
  outputs: readonly string[];
  attributes: readonly OnnxAttribute[];
}

export interface OnnxModel {
  irVersion: number;
  opsetImports: ReadonlyArray<{ domain: string; version: number }>;
  producerName: string;
  producerVersion: string;
  docString: string;
  graph: {
    name: string;
    nodes: readonly OnnxNode[];
    inputs: readonly OnnxValueInfo[];
    outputs: readonly OnnxValueInfo[];
  };
  metadata: ReadonlyArray<readonly [string, string]>;
}

function writeAttribute(w: ProtoWriter, a: OnnxAttribute): void {
  w.string(1, a.name);
  if ('float' in a) w.float(2, a.float).int64(20, ATTRIBUTE_TYPE.float);
  else if ('int' in a) w.int64(3, a.int).int64(20, ATTRIBUTE_TYPE.int);
  else if ('string' in a) w.string(4, a.string).int64(20, ATTRIBUTE_TYPE.string);
  else if ('floats' in a) w.packedFloats(7, a.floats).int64(20, ATTRIBUTE_TYPE.floats);
  else if ('ints' in a) w.packedInt64s(8, a.ints).int64(20, ATTRIBUTE_TYPE.ints);
  else {
    for (const s of a.strings) w.string(9, s);
    w.int64(20, ATTRIBUTE_TYPE.strings);
  }
}

function writeNode(w: ProtoWriter, node: OnnxNode): void {
  for (const input of node.inputs) w.string(1, input);
  for (const output of node.outputs) w.string(2, output);
  w.string(3, node.name).string(4, node.opType).string(7, node.domain);
  for (const a of node.attributes) w.message(5, (aw) => writeAttribute(aw, a));
}

function writeValueInfo(w: ProtoWriter, value: OnnxValueInfo): void {
  w.string(1, value.name);
  w.message(2, (type) =>
    type.message(1, (tensor) => {
      tensor.int64(1, value.elemType);
      tensor.message(2, (shape) => {
        for (const dim of value.dims) {
          shape.message(1, (d) => (typeof dim === 'number' ? d.int64(1, dim) : d.string(2, dim)));
        }
      });
    }),
  );
}

/**
 * Serialises a ModelProto with one graph. Repeated numeric attributes are written packed, which
 * every protobuf parser accepts for repeated scalars.
 * Cost: O(total attribute values). Throws (from the writer) on non-integer int values.
 */
export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const w = new ProtoWriter();
  w.int64(1, model.irVersion);
  for (const opset of model.opsetImports) {
    w.message(8, (o) => o.string(1, opset.domain).int64(2, opset.version));
  }
  w.string(2, model.producerName).string(3, model.producerVersion).string(6, model.docString);
  w.message(7, (g) => {
    for (const node of model.graph.nodes) g.message(1, (n) => writeNode(n, node));
    g.string(2, model.graph.name);
    for (const input of model.graph.inputs) g.message(11, (v) => writeValueInfo(v, input));
    for (const output of model.graph.outputs) g.message(12, (v) => writeValueInfo(v, output));
  });
  for (const [key, value] of model.metadata) {
    w.message(14, (entry) => entry.string(1, key).string(2, value));
  }
  return w.finish();
}
