// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../../shared/ipc/contract';
import { CHANNELS } from '../../../shared/ipc/contract';
import { desktopApi } from './desktop-api';
import { pickPlatform } from './index';

function fakeApi(): DesktopApi {
  return Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(async () => null)])) as unknown as DesktopApi;
}

describe('platform', () => {
  it('is the browser one without Electron', () => {
    expect(pickPlatform({}).kind).toBe('browser');
    expect(pickPlatform({ api: { something: 1 } }).kind).toBe('browser');
    expect(desktopApi({ api: 'nope' })).toBeNull();
  });

  it('goes through window.api under Electron', async () => {
    const api = fakeApi();
    const platform = pickPlatform({ api });
    expect(platform.kind).toBe('desktop');
    const request = { title: '导入名册', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }], multiple: false };
    await platform.openFiles(request);
    expect(api['dialog:openFiles']).toHaveBeenCalledWith(request);
    await platform.writeBackup('b.zip', new Uint8Array([1]));
    expect(api['backup:write']).toHaveBeenCalledWith({ name: 'b.zip', bytes: new Uint8Array([1]) });
    await platform.pruneBackups('auto-', 5);
    expect(api['backup:prune']).toHaveBeenCalledWith({ prefix: 'auto-', keep: 5 });
  });

  it('saves in a browser as a download', async () => {
    const platform = pickPlatform({});
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const saved = await platform.saveFile({ title: '导出', suggestedName: '结果.json', filters: [], bytes: new TextEncoder().encode('{}') });
    expect(saved).toEqual({ path: '结果.json' });
    expect(clicked).toEqual(['结果.json']);
    click.mockRestore();
  });
});
