import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PORTABLE_DATA_DIR, dataLayout, portableUserData } from './paths';

describe('dataLayout', () => {
  it('keeps everything inside user data', () => {
    const root = path.join('/home/u/.config', '双评工作站');
    expect(dataLayout(root)).toEqual({
      root,
      backups: path.join(root, 'backups'),
      logs: path.join(root, 'logs'),
      windowState: path.join(root, 'window-state.json'),
    });
  });
});

describe('portableUserData', () => {
  it('puts data beside the portable executable', () => {
    expect(portableUserData({ PORTABLE_EXECUTABLE_DIR: '/media/usb' })).toBe(path.join('/media/usb', PORTABLE_DATA_DIR));
  });
  it.each([{}, { PORTABLE_EXECUTABLE_DIR: '' }])('is null for an installed app (%j)', (env) => {
    expect(portableUserData(env)).toBeNull();
  });
});
