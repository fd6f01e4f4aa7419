/**
 * Templates of every workbook the app reads (填表说明 with a 填写示例, drop-downs, frozen headers);
 * once there is a roster, the per-secretary ones come filled with its 编号, 姓名, 所在镇街 and 村社区.
 */
import { TEMPLATE_KINDS, TEMPLATE_TITLES, type TemplateKind } from '../../../../shared/io/template-kinds';
import type { Rubric, Secretary } from '../../../../shared/model';
import { platform, XLSX_FILTER } from '../../platform';
import { Button, useToast } from '../../ui';

/** `community`: the 社区 rubric when 社区 secretaries are scored by it (the scores template then names its items too). */
export async function saveTemplate(kind: TemplateKind, rubric: Rubric, roster: readonly Secretary[] = [], community?: Rubric): Promise<boolean> {
  const { writeRosterTemplate, writeTemplate } = await import('../../../../shared/io/templates');
  const filled = kind !== 'roster' && kind !== 'past' && roster.length > 0;
  const bytes = filled ? await writeRosterTemplate(kind, roster, rubric, community) : await writeTemplate(kind, rubric, community);
  const saved = await platform.saveFile({
    title: `保存${TEMPLATE_TITLES[kind]}模板`,
    suggestedName: `${TEMPLATE_TITLES[kind]}（${filled ? '按名册' : '模板'}）.xlsx`,
    filters: [XLSX_FILTER],
    bytes,
  });
  return saved !== null;
}

/** `roster`: the secretaries in the order the rows are to come (empty: blank templates). */
export function TemplateButtons({ rubric, roster, community }: { rubric: Rubric; roster: readonly Secretary[]; community?: Rubric | undefined }) {
  const toast = useToast();
  const filled = roster.length > 0;
  return (
    <div className="template-buttons" role="group" aria-label="下载模板">
      <span className="field-label">{filled ? `下载模板（除名册外已按名册填好 ${roster.length} 人的编号、姓名）：` : '下载空白模板：'}</span>
      {TEMPLATE_KINDS.map((kind) => (
        <Button
          key={kind}
          variant="ghost"
          onClick={() =>
            void saveTemplate(kind, rubric, roster, community).then(
              (ok) =>
                ok &&
                toast(
                  filled && kind !== 'roster'
                    ? `已生成“${TEMPLATE_TITLES[kind]}”模板，已填好 ${roster.length} 人的编号、姓名`
                    : `已生成“${TEMPLATE_TITLES[kind]}”模板`,
                ),
              () => toast('模板生成失败', 'error'),
            )
          }
        >
          {TEMPLATE_TITLES[kind]}
        </Button>
      ))}
    </div>
  );
}
