import { cpus, totalmem, release, platform } from 'node:os';

/** The machine a benchmark ran on, for docs/PERFORMANCE.md. */
export const machineDescription = (): string => {
  const cpu = cpus();
  return [
    `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
    `${platform()} ${release()}`,
    `Node ${process.version}`,
  ].join(', ');
};

/** Resident set size of a process in MiB, from /proc (Linux). */
export const rssMiB = async (pid: number): Promise<number> => {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return kb / 1024;
};

export const percentile = (sorted: readonly number[], p: number): number => {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
};
