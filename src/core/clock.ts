/**
 * Milliseconds from an arbitrary start, for durations. process.hrtime, because `performance` loads
 * node:perf_hooks, about 1 ms of a short command such as `resume build --format html`.
 */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6
