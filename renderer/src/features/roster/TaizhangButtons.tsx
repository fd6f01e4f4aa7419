/** 导出 the 山西 选派台账 (附表3) and 统计表 (附表4) of the roster as workbooks (docs/formats.md §13). */
import type { Secretary } from '../../../../shared/model';
import { unscoped } from '../../data/assessment';
import type { AssessmentRecord, SecretaryRecord } from '../../db/schema';
import { platform, XLSX_FILTER } from '../../platform';
import { Button, useToast } from '../../ui';

const TITLES = { taizhang: '选派第一书记到村工作台账', tongji: '选派机关优秀干部到村任第一书记情况统计表' } as const;

export function TaizhangButtons({ assessment, roster }: { assessment: AssessmentRecord; roster: readonly SecretaryRecord[] }) {
  const toast = useToast();
  const save = async (kind: keyof typeof TITLES) => {
    // the writer (exceljs) is loaded only when asked for
    const io = await import('../../../../shared/io/taizhang');
    const secretaries: Secretary[] = roster.map(unscoped);
    const meta = { year: assessment.year, ...(assessment.region ? { region: assessment.region } : {}) };
    const bytes = kind === 'taizhang' ? await io.writeTaizhangWorkbook(secretaries, meta) : await io.writeTongjiWorkbook(secretaries, meta);
    const name = `${assessment.year}年度${TITLES[kind]}.xlsx`;
    if (await platform.saveFile({ title: `导出${TITLES[kind]}`, suggestedName: name, filters: [XLSX_FILTER], bytes })) toast(`已导出${TITLES[kind]}`);
  };
  return (
    <div className="template-buttons" role="group" aria-label="导出山西选派台账">
      <span className="field-label">导出（山西附表）：</span>
      <Button variant="ghost" disabled={!roster.length} onClick={() => void save('taizhang')}>
        工作台账（附表3）
      </Button>
      <Button variant="ghost" disabled={!roster.length} onClick={() => void save('tongji')}>
        情况统计表（附表4）
      </Button>
    </div>
  );
}
