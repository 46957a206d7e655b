// Types for seeded-random.mjs, so TypeScript tests can import it.
export function seededRandom(seed: number): () => number;
