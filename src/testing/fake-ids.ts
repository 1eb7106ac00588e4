const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWERCASE = 'abcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

/** Deterministic id and number source of the fake server (same seed, same ids). */
export interface FakeIds {
  /** A float in [0, 1). */
  random(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** A nanoid of `size` alphanumerics, as FastGPT's `getNanoid` (first char a lowercase letter). */
  nanoid(size: number): string;
  /** A 24-hex Mongo ObjectId whose first 8 hex digits are the epoch seconds of `timeMs`. */
  objectId(timeMs: number): string;
}

/**
 * Creates a seeded id source (mulberry32). ObjectIds carry a counter, so ids made in the same second
 * still sort in creation order, as Mongo's do.
 */
export function createFakeIds(seed: number): FakeIds {
  let state = seed >>> 0;
  let counter = 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (alphabet: string): string => alphabet[Math.floor(random() * alphabet.length)] as string;
  // Like Mongo's per-process random part: fixed, so seconds + counter decide the order.
  let machine = '';
  for (let i = 0; i < 10; i++) machine += pick(HEX);
  return {
    random,
    int: (min, max) => min + Math.floor(random() * (max - min + 1)),
    nanoid: (size) => {
      let id = pick(LOWERCASE);
      for (let i = 1; i < size; i++) id += pick(ALPHANUMERIC);
      return id;
    },
    objectId: (timeMs) => {
      counter = (counter + 1) % 0xffffff;
      const seconds = Math.max(0, Math.floor(timeMs / 1000))
        .toString(16)
        .padStart(8, '0')
        .slice(-8);
      return seconds + machine + counter.toString(16).padStart(6, '0');
    },
  };
}
