/**
 * Counter-based randomness for the simulator. Every random number is a hash of (seed, stream, grid index),
 * never the next draw of a stateful generator, so any interval can be computed on its own and the result
 * does not depend on which window was asked for.
 */

/** murmur3's 32-bit finaliser: a bijective, well-avalanched mix of a 32-bit integer. */
export const mix32 = (x: number): number => {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

/** FNV-1a of a string: a stable number for a stream name. */
const fnv1a = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
};

/**
 * Key of one named random stream under a seed ("da.energy", "rt5:SIM.NODE_N01:noise"). Named streams keep
 * every process independent and stable when instruments are added or reordered.
 */
export const streamKey = (seed: number, name: string): number =>
  mix32(mix32((seed ^ 0x2545f491) | 0) ^ fnv1a(name));

/** 32 random bits for grid position `index` (an integer, e.g. 5-minute intervals since the epoch) of a stream. */
export const hashAt = (key: number, index: number): number =>
  mix32((mix32((key ^ index) | 0) + 0x9e3779b9) | 0);

const TWO_POW_32 = 4294967296;

/** Uniform in the open interval (0, 1). */
export const unitOf = (bits: number): number => (bits + 0.5) / TWO_POW_32;

export const uniformAt = (key: number, index: number): number => unitOf(hashAt(key, index));

/** A second, independent uniform at the same position (for two-draw events: occurrence, then size). */
export const uniform2At = (key: number, index: number): number =>
  unitOf(mix32(hashAt(key, index) ^ 0x5bd1e995));

const P_LOW = 0.02425;

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). The
 * central 95 % needs no log, sqrt or trig, which makes a hashed normal several times cheaper than Box–Muller.
 */
export const inverseNormal = (u: number): number => {
  if (u > P_LOW && u < 1 - P_LOW) {
    const q = u - 0.5;
    const r = q * q;
    return (
      ((((((-39.69683028665376 * r + 220.9460984245205) * r - 275.9285104469687) * r +
        138.357751867269) *
        r -
        30.66479806614716) *
        r +
        2.506628274631) *
        q) /
      (((((-54.47609879822406 * r + 161.5858368580409) * r - 155.6989798598866) * r +
        66.80131188771972) *
        r -
        13.28068155288572) *
        r +
        1)
    );
  }
  const q = Math.sqrt(-2 * Math.log(u < 0.5 ? u : 1 - u));
  const tail =
    (((((-0.007784894002430293 * q - 0.3223964580411365) * q - 2.400758277161838) * q -
      2.549732539343734) *
      q +
      4.374664141464968) *
      q +
      2.938163982698783) /
    ((((0.007784695709041462 * q + 0.3224671290700398) * q + 2.445134137142996) * q +
      3.754408661907416) *
      q +
      1);
  return u < 0.5 ? tail : -tail;
};

/** Standard normal at a grid position: the inverse CDF of a hashed uniform. */
export const normalAt = (key: number, index: number): number =>
  inverseNormal(unitOf(hashAt(key, index)));

/**
 * Smooth noise as a pure function of time: standard normals at knots every `knotMs`, joined by smoothstep.
 * Used for slow drivers (weather, cloud cover, fuel prices) that must not depend on a warm-up.
 */
export const valueNoise = (key: number, ms: number, knotMs: number): number => {
  const x = ms / knotMs;
  const k = Math.floor(x);
  const f = x - k;
  const a = normalAt(key, k);
  const b = normalAt(key, k + 1);
  return a + (b - a) * f * f * (3 - 2 * f);
};

/** Steps after which an AR(1) with persistence `phi` has forgotten its start to within 1e-4. */
export const warmupSteps = (phi: number): number => Math.ceil(Math.log(1e-4) / Math.log(phi));

/**
 * An AR(1) (discretised Ornstein–Uhlenbeck) path x[i] = phi·x[i-1] + sigma·z[i] on grid positions
 * first … first+count-1 with stationary standard deviation `sd`. The recursion starts from 0 at
 * `first - warmupSteps(phi)`, so the path is a pure function of (key, first) and the innovations.
 * Callers pass a `first` fixed by the UTC day (not by the request window); two days computed
 * independently then agree at their boundary to within 1e-4 of the process's spread.
 */
export const arPath = (
  key: number,
  first: number,
  count: number,
  phi: number,
  sd: number,
): Float64Array => {
  const sigma = sd * Math.sqrt(1 - phi * phi);
  const out = new Float64Array(count);
  let x = 0;
  for (let i = first - warmupSteps(phi); i < first; i++) {
    x = phi * x + sigma * normalAt(key, i);
  }
  for (let j = 0; j < count; j++) {
    x = phi * x + sigma * normalAt(key, first + j);
    out[j] = x;
  }
  return out;
};
