/** Formatting shared by the bench report's sections: numbers, Markdown tables, the machine, server columns. */
import fs from 'node:fs';
import os from 'node:os';
import { cpuPercent, type CpuSample } from './stats';

/** What the platform process did during one kind of measurement window (summed over its rounds). */
export interface PlatformWindow {
  cpu: CpuSample;
  /** Time the platform process's event loop (its one JS thread) was busy, ms. */
  busyMs: number;
  /** The same for the gateway processes (--gateway-process), summed. */
  gatewayCpu?: CpuSample;
  gatewayBusyMs?: number;
}

export function ms(v: number): string {
  if (v === 0) return '–';
  return v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0);
}

export function signedMs(v: number): string {
  const s = Math.abs(v) < 10 ? Math.abs(v).toFixed(2) : Math.abs(v).toFixed(1);
  return `${v < 0 ? '−' : '+'}${s}`;
}

export function ratio(v: number): string {
  return `${v.toFixed(2)}×`;
}

/** A Markdown table; the first `left` columns are left-aligned, the rest (numbers) right-aligned. */
export function table(header: string[], rows: string[][], left: number): string {
  const sep = header.map((_, i) => (i < left ? '---' : '---:'));
  return [header, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

export function machine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const mem = (os.totalmem() / 2 ** 30).toFixed(1);
  return `${cpus.length} × ${model}, ${mem} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

/** The file system a path lives on (Linux /proc/mounts; the longest matching mount point). */
export function fileSystemOf(dir: string): string {
  try {
    let best = { mount: '', type: 'unknown' };
    for (const line of fs.readFileSync('/proc/mounts', 'utf8').split('\n')) {
      const [, mount, type] = line.split(' ');
      if (!mount || !type) continue;
      const inside = dir === mount || dir.startsWith(mount.endsWith('/') ? mount : `${mount}/`);
      if (inside && mount.length > best.mount.length) best = { mount, type };
    }
    return best.type;
  } catch {
    return 'unknown file system';
  }
}

/** Server-side columns: the platform process, the gateway processes when separate, CPU per unit of work. */
export function serverHeaders(external: boolean, unit: string): string[] {
  return [
    'platform CPU',
    'platform loop busy',
    ...(external ? ['gateway proc CPU', 'gateway loop busy', `gateway CPU / ${unit}`] : []),
    `server CPU / ${unit}`,
  ];
}

export function serverCols(w: PlatformWindow | undefined, units: number, external: boolean): string[] {
  const pct = (v: number) => `${v.toFixed(0)} %`;
  if (!w) return serverHeaders(external, '').map(() => '–');
  const wall = w.cpu.wallMs;
  const gwCpu = w.gatewayCpu;
  const cpuMs = w.cpu.userMs + w.cpu.systemMs + (gwCpu ? gwCpu.userMs + gwCpu.systemMs : 0);
  const perUnit = (ms: number) => (units > 0 ? `${((ms * 1000) / units).toFixed(0)} µs` : '–');
  return [
    pct(cpuPercent(w.cpu)),
    pct(wall > 0 ? (w.busyMs / wall) * 100 : 0),
    ...(external
      ? [
          pct(cpuPercent(gwCpu)),
          pct(wall > 0 ? ((w.gatewayBusyMs ?? 0) / wall) * 100 : 0),
          perUnit(gwCpu ? gwCpu.userMs + gwCpu.systemMs : 0),
        ]
      : []),
    perUnit(cpuMs),
  ];
}
