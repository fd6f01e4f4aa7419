import { describe, expect, it } from 'vitest';
import { atLeast, nodeProblem } from '../scripts/node-version.mjs';

describe('the Node the project runs on', () => {
  it('runs on Node 20.19 and later; packaging needs 22.12 and later', () => {
    expect(nodeProblem('v20.19.0')).toBeNull();
    expect(nodeProblem('v22.0.0')).toBeNull();
    expect(nodeProblem('v22.12.0', 'packaging')).toBeNull();
    expect(nodeProblem('v24.1.0', 'packaging')).toBeNull();
    expect(atLeast('v20.18.9', [20, 19, 0])).toBe(false);
  });

  it('says clearly what is too old and for what', () => {
    expect(nodeProblem('v18.20.4')).toBe(
      'Node 版本过低：运行测试、演示、命令行和 dev:web需要 Node 20.19.0 或更高版本，当前为 v18.20.4。请安装 Node 20.19.0 或更高版本后重试。',
    );
    expect(nodeProblem('v20.20.2', 'packaging')).toMatch(
      /^Node 版本过低：打包桌面程序（npm run dist.*需要 Node 22\.12\.0 或更高版本，当前为 v20\.20\.2。.*其余命令（测试、演示、命令行、dev:web）在 Node 20\.19 及以上即可运行。$/,
    );
  });

  it('the machine running the tests can run them', () => {
    expect(nodeProblem(process.version)).toBeNull();
  });
});
