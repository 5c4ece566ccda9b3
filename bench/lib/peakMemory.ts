import { readFileSync } from 'node:fs';

/** A running process's peak resident memory (VmHWM, kB), read from /proc; NaN once it has exited. */
export function peakRssKb(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

export const megabytes = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
