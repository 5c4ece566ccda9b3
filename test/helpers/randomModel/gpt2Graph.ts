import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const DataType = onnx.TensorProto.DataType;

/** GPT-2 hyper-parameters; the defaults are distilgpt2's. */
export interface Gpt2Shape {
  vocab: number;
  layers: number;
  embedding: number;
  heads: number;
  positions: number;
  seed: number;
}

export const DISTILGPT2_SHAPE: Gpt2Shape = { vocab: 50257, layers: 6, embedding: 768, heads: 12, positions: 1024, seed: 7 };

/** Small deterministic PRNG (mulberry32), so a given seed always yields the same weights. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Attribute = number | number[] | string;

/** A minimal ONNX graph builder: each call appends one node and returns its output name. */
class GraphBuilder {
  readonly nodes: object[] = [];
  readonly initializers: object[] = [];
  private counter = 0;
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = mulberry32(seed);
  }

  private name(prefix: string): string {
    return `${prefix}_${this.counter++}`;
  }

  op(type: string, inputs: string[], attributes: Record<string, Attribute> = {}, outputs = 1): string[] {
    const names = Array.from({ length: outputs }, () => this.name(type));
    const attribute = Object.entries(attributes).map(([name, value]) =>
      typeof value === 'string'
        ? { name, type: onnx.AttributeProto.AttributeType.STRING, s: Buffer.from(value) }
        : Array.isArray(value)
          ? { name, type: onnx.AttributeProto.AttributeType.INTS, ints: value }
          : Number.isInteger(value)
            ? { name, type: onnx.AttributeProto.AttributeType.INT, i: value }
            : { name, type: onnx.AttributeProto.AttributeType.FLOAT, f: value },
    );
    this.nodes.push({ opType: type, input: inputs, output: names, attribute });
    return names;
  }

  one(type: string, inputs: string[], attributes: Record<string, Attribute> = {}): string {
    return this.op(type, inputs, attributes)[0];
  }

  /** A float tensor: Gaussian-ish random values of the given spread, or a constant. */
  weights(dims: number[], spread: number, constant?: number): string {
    const size = dims.reduce((a, b) => a * b, 1);
    const data = new Float32Array(size);
    for (let i = 0; i < size; i++) data[i] = constant ?? (this.random() + this.random() + this.random() - 1.5) * spread;
    return this.tensor(dims, DataType.FLOAT, Buffer.from(data.buffer));
  }

  scalar(value: number): string {
    return this.tensor([], DataType.FLOAT, Buffer.from(new Float32Array([value]).buffer));
  }

  ints(values: number[], dims: number[] = [values.length]): string {
    return this.tensor(dims, DataType.INT64, Buffer.from(BigInt64Array.from(values.map(BigInt)).buffer));
  }

  private tensor(dims: number[], dataType: number, rawData: Buffer): string {
    const name = this.name('w');
    this.initializers.push({ name, dims, dataType, rawData });
    return name;
  }
}

function dynamicShape(name: string, elemType: number, dims: Array<string | number>): object {
  return { name, type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } } };
}

/**
 * A GPT-2 decoder with random weights: token + position embeddings, pre-norm blocks of causal
 * multi-head attention and a GELU MLP, a final layer norm and an LM head tied to the token
 * embedding. Inputs and outputs are named as in Hugging Face's ONNX export, so transformers.js
 * loads it as `AutoModelForCausalLM`.
 */
export function buildGpt2Graph(shape: Gpt2Shape): Uint8Array {
  const g = new GraphBuilder(shape.seed);
  const { vocab, layers, embedding: E, heads, positions } = shape;
  const headSize = E / heads;
  const layerNorm = (x: string) => g.one('LayerNormalization', [x, g.weights([E], 0, 1), g.weights([E], 0, 0)], { axis: -1, epsilon: 1e-5 });
  const dense = (x: string, inputs: number, outputs: number) => g.one('Add', [g.one('MatMul', [x, g.weights([inputs, outputs], 0.04)]), g.weights([outputs], 0.01)]);
  const gelu = (x: string) => {
    const cube = g.one('Mul', [g.one('Mul', [x, x]), x]);
    const inner = g.one('Mul', [g.one('Add', [x, g.one('Mul', [cube, g.scalar(0.044715)])]), g.scalar(Math.sqrt(2 / Math.PI))]);
    return g.one('Mul', [g.one('Mul', [x, g.scalar(0.5)]), g.one('Add', [g.one('Tanh', [inner]), g.scalar(1)])]);
  };

  const tokenTable = g.weights([vocab, E], 0.1);
  let hidden = g.one('Add', [g.one('Gather', [tokenTable, 'input_ids'], { axis: 0 }), g.one('Gather', [g.weights([positions, E], 0.02), 'position_ids'], { axis: 0 })]);

  // Additive attention bias [batch, 1, query, key]: −1e4 for future keys and for padding.
  const length = g.one('Gather', [g.one('Shape', ['input_ids']), g.ints([1], [])], { axis: 0 });
  const steps = g.one('Range', [g.ints([0], []), length, g.ints([1], [])]);
  const future = g.one('Less', [g.one('Unsqueeze', [steps, g.ints([1])]), g.one('Unsqueeze', [steps, g.ints([0])])]);
  const causal = g.one('Where', [future, g.scalar(-1e4), g.scalar(0)]);
  const padding = g.one('Mul', [g.one('Sub', [g.scalar(1), g.one('Cast', ['attention_mask'], { to: DataType.FLOAT })]), g.scalar(-1e4)]);
  const bias = g.one('Add', [g.one('Unsqueeze', [causal, g.ints([0, 1])]), g.one('Unsqueeze', [padding, g.ints([1, 2])])]);

  const splitHeads = (x: string) => g.one('Transpose', [g.one('Reshape', [x, g.ints([0, 0, heads, headSize])])], { perm: [0, 2, 1, 3] });
  for (let layer = 0; layer < layers; layer++) {
    const [q, k, v] = g.op('Split', [dense(layerNorm(hidden), E, 3 * E), g.ints([E, E, E])], { axis: 2 }, 3).map(splitHeads);
    const scores = g.one('Add', [g.one('Div', [g.one('MatMul', [q, g.one('Transpose', [k], { perm: [0, 1, 3, 2] })]), g.scalar(Math.sqrt(headSize))]), bias]);
    const attended = g.one('MatMul', [g.one('Softmax', [scores], { axis: -1 }), v]);
    const merged = g.one('Reshape', [g.one('Transpose', [attended], { perm: [0, 2, 1, 3] }), g.ints([0, 0, E])]);
    hidden = g.one('Add', [hidden, dense(merged, E, E)]);
    hidden = g.one('Add', [hidden, dense(gelu(dense(layerNorm(hidden), E, 4 * E)), 4 * E, E)]);
  }
  const logits = g.one('MatMul', [layerNorm(hidden), g.one('Transpose', [tokenTable], { perm: [1, 0] })]);
  g.nodes.push({ opType: 'Identity', input: [logits], output: ['logits'], attribute: [] });

  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'claimfloor-test-random-gpt2',
    opsetImport: [{ domain: '', version: 17 }],
    graph: {
      name: 'random-gpt2',
      node: g.nodes,
      initializer: g.initializers,
      input: ['input_ids', 'attention_mask', 'position_ids'].map((n) => dynamicShape(n, DataType.INT64, ['batch_size', 'sequence_length'])),
      output: [dynamicShape('logits', DataType.FLOAT, ['batch_size', 'sequence_length', vocab])],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
