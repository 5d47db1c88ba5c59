/** Latency samples and their percentiles. */
export class Samples {
  private values: number[] = []
  private sorted = true

  add(value: number): void {
    this.values.push(value)
    this.sorted = false
  }

  get count(): number {
    return this.values.length
  }

  percentile(p: number): number {
    if (this.values.length === 0) return Number.NaN
    if (!this.sorted) {
      this.values.sort((a, b) => a - b)
      this.sorted = true
    }
    const index = Math.min(this.values.length - 1, Math.max(0, Math.ceil((p / 100) * this.values.length) - 1))
    return this.values[index]!
  }

  summary(): { count: number; p50: number; p95: number; p99: number; max: number } {
    return { count: this.count, p50: this.percentile(50), p95: this.percentile(95), p99: this.percentile(99), max: this.percentile(100) }
  }
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
