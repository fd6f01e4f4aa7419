/** Blank templates of every workbook the app reads (填表说明, drop-downs, frozen headers). */
import { TEMPLATE_KINDS, TEMPLATE_TITLES, writeTemplate, type TemplateKind } from '../../../../shared/io/templates';
import type { Rubric } from '../../../../shared/model';
import { platform, XLSX_FILTER } from '../../platform';
import { Button, useToast } from '../../ui';

export async function saveTemplate(kind: TemplateKind, rubric: Rubric): Promise<boolean> {
  const bytes = await writeTemplate(kind, rubric);
  const saved = await platform.saveFile({ title: `保存${TEMPLATE_TITLES[kind]}模板`, suggestedName: `${TEMPLATE_TITLES[kind]}（模板）.xlsx`, filters: [XLSX_FILTER], bytes });
  return saved !== null;
}

export function TemplateButtons({ rubric }: { rubric: Rubric }) {
  const toast = useToast();
  return (
    <div className="template-buttons" role="group" aria-label="下载空白模板">
      <span className="field-label">下载空白模板：</span>
      {TEMPLATE_KINDS.map((kind) => (
        <Button
          key={kind}
          variant="ghost"
          onClick={() =>
            void saveTemplate(kind, rubric).then(
              (ok) => ok && toast(`已生成“${TEMPLATE_TITLES[kind]}”模板`),
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
