// Console output: every line the benchmark prints goes through these.
export const log = (...a) => console.log(...a);
export const fmt = (n) => Math.round(n).toLocaleString('en-US');
export const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
