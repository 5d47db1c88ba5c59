/**
 * What a server process costs, read from /proc: CPU time (user + system) and memory.
 * On a shared, noisy machine, CPU time per delivery at equal load is the figure that holds
 * from run to run; wall-clock latencies are reported too but compared as ratios only.
 */
import { readFileSync, writeFileSync } from 'node:fs'

const CLOCK_TICKS_PER_SECOND = 100

/** CPU seconds a process has used so far (utime + stime from /proc/<pid>/stat). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may contain spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  return (utime + stime) / CLOCK_TICKS_PER_SECOND
}

function statusField(pid: number, name: string): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`))
  return line ? Number(line.replace(/\D+/g, '')) * 1024 : 0
}

/** Resident memory now, in bytes. */
export function rssBytes(pid: number): number {
  return statusField(pid, 'VmRSS')
}

/** The most resident memory the process ever had, in bytes. */
export function peakRssBytes(pid: number): number {
  return statusField(pid, 'VmHWM')
}

/** Starts counting peak memory afresh (writes 5 to /proc/<pid>/clear_refs; Linux resets VmHWM). */
export function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
  } catch {
    // Not permitted here: the peak then counts from the process start.
  }
}

export function hasTaskset(): boolean {
  try {
    readFileSync('/usr/bin/taskset')
    return true
  } catch {
    return false
  }
}
