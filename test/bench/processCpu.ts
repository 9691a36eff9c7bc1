// CPU time of other processes, read from /proc, for the benchmarks' "where does the time go" figures. A process
// that exits between two samples keeps the CPU it had at its last sample: sample often enough for the processes
// that matter (a pod's processes live as long as they print).
import { readdirSync, readFileSync } from 'node:fs';

/** CPU time (user + system) of one process so far, in ms; undefined once it has exited. */
export function processCpuMs(pid: number | undefined): number | undefined {
  try {
    // Fields 14 and 15 of /proc/PID/stat (after the parenthesised command name) are utime and stime in ticks.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

function readProc(pid: string): { ppid: string; cmdline: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[1];
    return { ppid, cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8') };
  } catch {
    return null;
  }
}

/**
 * The processes of one k8s testbed: those whose command line names its run folder (etcd, kube-apiserver, kubelet,
 * containerd and its shims...) and their descendants (the pods' processes).
 */
function testbedProcesses(runFolder: string): Set<string> {
  const procs = new Map<string, { ppid: string; cmdline: string }>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const p = readProc(pid);
    if (p) procs.set(pid, p);
  }
  const mine = new Set([...procs].filter(([, p]) => p.cmdline.includes(`${runFolder}/`)).map(([pid]) => pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of procs) {
      if (!mine.has(pid) && mine.has(p.ppid)) {
        mine.add(pid);
        grew = true;
      }
    }
  }
  return mine;
}

/** What a testbed process is, for the breakdown: the Kubernetes parts by name, the pods' processes as "pods". */
function role(pid: string, runFolder: string): string {
  const p = readProc(pid);
  if (!p) return 'gone';
  if (!p.cmdline.includes(`${runFolder}/`)) return 'pods';
  try {
    const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    return comm.startsWith('containerd') ? 'containerd' : comm;
  } catch {
    return 'gone';
  }
}

/**
 * Samples the CPU of a testbed's processes; `stop()` returns what each part used since the start, in ms.
 * Processes present at the start count from their CPU then; those born later count from zero.
 */
export function sampleTestbedCpu(runFolder: string, everyMs = 200): { stop: () => Map<string, number> } {
  const initial = new Map<string, number>();
  const last = new Map<string, number>();
  const roles = new Map<string, string>();
  let members = testbedProcesses(runFolder);
  for (const pid of members) initial.set(pid, processCpuMs(Number(pid)) ?? 0);
  let samples = 0;
  const sample = () => {
    // The process tree is scanned once a second: pods' processes live as long as they print.
    if (++samples % Math.max(1, Math.round(1000 / everyMs)) === 0) members = testbedProcesses(runFolder);
    for (const pid of members) {
      const ms = processCpuMs(Number(pid));
      if (ms === undefined) continue;
      if (!roles.has(pid)) roles.set(pid, role(pid, runFolder));
      last.set(pid, ms);
    }
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      members = testbedProcesses(runFolder);
      sample();
      const byRole = new Map<string, number>();
      for (const [pid, ms] of last) {
        const r = roles.get(pid) ?? 'pods';
        byRole.set(r, (byRole.get(r) ?? 0) + ms - (initial.get(pid) ?? 0));
      }
      return byRole;
    },
  };
}
