/** float32 neighbours of a float32 value, for probing thresholds from both sides. */
const view = new DataView(new ArrayBuffer(4));

function bitsOf(value: number): number {
  view.setFloat32(0, value);
  return view.getInt32(0);
}

function fromBits(bits: number): number {
  view.setInt32(0, bits);
  return view.getFloat32(0);
}

/** The next float32 above a finite float32 value. */
export function nextUp(value: number): number {
  if (value === 0) return fromBits(1);
  const bits = bitsOf(value);
  return fromBits(value > 0 ? bits + 1 : bits - 1);
}

/** The next float32 below a finite float32 value. */
export function nextDown(value: number): number {
  return -nextUp(-value);
}
