import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (...args: unknown[]) => ({ echoed: args })) },
}));
vi.mock('electron', () => electron);

import { CHANNELS, type DesktopApi } from '../../shared/ipc/contract';
import './index';

const api = electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[1] as DesktopApi;

describe('preload', () => {
  it('exposes one object, as window.api', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledWith('api', expect.any(Object));
  });

  it('exposes exactly the channels of the contract', () => {
    const exposed = electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[1] as Record<string, unknown>;
    expect(Object.keys(exposed).sort()).toEqual([...CHANNELS].sort());
    for (const key of CHANNELS) expect(typeof exposed[key]).toBe('function');
  });

  it.each(CHANNELS)('%s is a plain ipcRenderer.invoke of its channel', async (channel) => {
    electron.ipcRenderer.invoke.mockClear();
    const request = { probe: channel };
    const fn = api[channel] as (r?: unknown) => Promise<unknown>;
    await fn(request);
    const call = electron.ipcRenderer.invoke.mock.calls[0];
    expect(call?.[0]).toBe(channel);
    const takesNoArgument = channel === 'app:info' || channel === 'backup:list';
    expect(call?.slice(1)).toEqual(takesNoArgument ? [] : [request]);
  });

  it('returns what main answers', async () => {
    expect(await api['backup:read']({ name: 'a.json' })).toEqual({ echoed: ['backup:read', { name: 'a.json' }] });
  });
});
