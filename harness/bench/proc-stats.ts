// CPU time and peak memory of another process, read from Linux's /proc (the worker runs as its own process so that
// these figures are its own, not the benchmark's or the Temporal server's).
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ; 100 on Linux on every common platform). */
const USER_HZ = 100;

export interface ProcSample {
  /** User + system CPU seconds since the process started (all its threads). */
  cpuS: number;
  /** Peak resident set size so far (VmHWM), MB. */
  peakRssMb: number;
  /** Current resident set size (VmRSS), MB. */
  rssMb: number;
}

export function sampleProcess(pid: number): ProcSample {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
  const cpuS = (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { cpuS, peakRssMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}
