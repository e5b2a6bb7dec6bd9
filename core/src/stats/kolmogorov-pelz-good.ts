/**
 * Pelz & Good's (1976) approximation of P(Dₙ ≤ x) for the two-sided one-sample
 * Kolmogorov–Smirnov statistic: the Li-Chien/Korolyuk expansion
 *   K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^{3/2},  z = x√n,
 * with each Kᵢ rewritten through Jacobi's theta transformation into sums over odd m of
 * polynomial(m²) · exp(−m²π²/(8z²)) (Horner in q = exp(−π²/(8z²))), plus the integer-k sums of
 * K₂ and K₃. scipy's `kolmogn` uses it for n > 140 where the Durbin matrix would be large.
 *
 * O(z) terms. Returns 0 below z ≈ 0.0417 (where q underflows) and 1 at x ≥ 1.
 */
export function pelzGoodCdf(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const logQ = -PI2 / 8 / z2;
  if (logQ < MIN_LOG) return 0;
  const q = Math.exp(logQ);
  const maxK = Math.ceil((16 * z) / Math.PI);
  const c1 = [-z2, PI2 / 4];
  const c2 = [6 * z6 + 2 * z4, ((2 * z4 - 5 * z2) * PI2) / 4, (PI4 * (1 - 2 * z2)) / 16];
  const c3 = [
    -30 * z6 - 90 * z4 * z4,
    (PI2 * (135 * z4 - 96 * z6)) / 4,
    (PI4 * (-60 * z2 + 212 * z4)) / 16,
    (PI6 * (5 - 30 * z2)) / 64,
  ];
  let k0 = 0;
  let k1 = 0;
  let k2 = 0;
  let k3 = 0;
  for (let k = maxK; k >= 1; k--) {
    const m2 = (2 * k - 1) ** 2;
    const qPower = q ** (8 * k);
    k0 = k0 * qPower + 1;
    k1 = k1 * qPower + c1[0]! + c1[1]! * m2;
    k2 = k2 * qPower + c2[0]! + m2 * (c2[1]! + m2 * c2[2]!);
    k3 = k3 * qPower + c3[0]! + m2 * (c3[1]! + m2 * (c3[2]! + m2 * c3[3]!));
  }
  const front = q * SQRT_2PI;
  k0 *= front / z;
  k1 *= front / (6 * z4);
  k2 *= front / (72 * z6 * z);
  k3 *= front / (6480 * z6 * z4);
  const [extra2, extra3] = integerSums(z, maxK);
  k2 += extra2;
  k3 += extra3;
  const rootN = Math.sqrt(n);
  return k0 + k1 / rootN + k2 / n + k3 / (n * rootN);
}

const PI2 = Math.PI ** 2;
const PI4 = Math.PI ** 4;
const PI6 = Math.PI ** 6;
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const MIN_LOG = -708;

/** The K₂ and K₃ terms summed over all integers k: (π²k²) and (3π²k²z² − π⁴k⁴) times q^(k²). */
function integerSums(z: number, maxK: number): [number, number] {
  const z2 = z * z;
  const q = Math.exp(-PI2 / 2 / z2);
  let sum2 = 0;
  let sum3 = 0;
  for (let k = maxK; k >= 1; k--) {
    const k2 = k * k;
    const weight = k2 * q ** k2;
    const kPi = Math.PI * k;
    sum2 += weight;
    sum3 += (Math.sqrt(3) * z + kPi) * (Math.sqrt(3) * z - kPi) * weight;
  }
  return [(sum2 * PI2 * SQRT_2PI) / (-36 * z2 * z), (sum3 * PI2 * SQRT_2PI) / (216 * z2 * z2 * z2)];
}
