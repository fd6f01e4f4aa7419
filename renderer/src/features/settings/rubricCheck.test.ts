import { describe, expect, it } from 'vitest';
import { JIAOZHOU_RUBRIC } from '../../../../shared/rubric/jiaozhou';
import { withItem } from './RubricEditor';
import { checkRubric, describePath, parseRubricJson } from '../../../../shared/rubric/check';

describe('checkRubric', () => {
  it('accepts the default rubric and its JSON', () => {
    expect(checkRubric(JIAOZHOU_RUBRIC).ok).toBe(true);
    expect(parseRubricJson(JSON.stringify(JIAOZHOU_RUBRIC)).ok).toBe(true);
  });

  it('names a duplicate code and where the other one is, in words', () => {
    const next = withItem(
      JIAOZHOU_RUBRIC,
      { section: 2, group: 0, item: null },
      { code: 'C4', name: '新项目', kind: 'bonus', inputs: [{ code: 'C9', label: '个数', kind: 'count', points: 'x' }] },
    );
    const checked = checkRubric(next);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual([
      { sheet: '考评细则', column: '第3部分 第1组 第5项 编码', message: '编码“C4”重复（另见 第3部分 第1组 第4项 编码）' },
      { sheet: '考评细则', column: '第3部分 第1组 第5项 第1个录入项 分值', message: '分值“x”不是有效的数' },
    ]);
  });

  it('a file that is not JSON is one error', () => {
    expect(parseRubricJson('{', '细则.json')).toEqual({ ok: false, errors: [{ sheet: '细则.json', message: '不是有效的 JSON 文件' }] });
  });

  it('describes paths', () => {
    expect(describePath('sections[0].groups[1].items[2].inputs[0].unit')).toBe('第1部分 第2组 第3项 第1个录入项 金额单位');
  });
});
