/**
 * The main window's size and position, remembered in `userData/window-state.json`.
 * What is read back is validated and moved onto a visible display, so a
 * removed monitor or an edited file never puts the window out of reach.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rect {
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1366, height: 860 } as const;
export const MIN_SIZE = { width: 1024, height: 680 } as const;
const MAX_SIDE = 16384;
/** At least this much of the window must lie on a display to count as visible. */
const VISIBLE = 100;

function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isInt(v['x'], -MAX_SIDE, MAX_SIDE) || !isInt(v['y'], -MAX_SIDE, MAX_SIDE)) return null;
  if (!isInt(v['width'], 200, MAX_SIDE) || !isInt(v['height'], 200, MAX_SIDE)) return null;
  if (typeof v['maximized'] !== 'boolean') return null;
  return { x: v['x'], y: v['y'], width: v['width'], height: v['height'], maximized: v['maximized'] };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: area.x + Math.floor((area.width - width) / 2),
    y: area.y + Math.floor((area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Fits a saved state to the current displays' work areas (`primary` first):
 * kept where it was if enough of it shows there, shrunk to that display and
 * pulled fully onto it; otherwise centred on the primary display. No saved
 * state gives the default size, centred.
 */
export function fitToDisplays(state: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height };
  if (state === null) return { ...centred(DEFAULT_SIZE, primary), maximized: false };
  const home = workAreas.find((area) => {
    const o = overlap(state, area);
    return o.width >= VISIBLE && o.height >= VISIBLE;
  });
  if (home === undefined) return { ...centred(state, primary), maximized: state.maximized };
  const width = Math.min(state.width, home.width);
  const height = Math.min(state.height, home.height);
  const x = Math.min(Math.max(state.x, home.x), home.x + home.width - width);
  const y = Math.min(Math.max(state.y, home.y), home.y + home.height - height);
  return { x, y, width, height, maximized: state.maximized };
}

export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    return parseWindowState(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return null;
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  const valid = parseWindowState(state);
  if (valid === null) return;
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  await writeFile(temp, JSON.stringify(valid), 'utf8');
  await rename(temp, file);
}
