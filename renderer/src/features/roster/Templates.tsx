/** Blank templates of every workbook the app reads (填表说明, drop-downs, frozen headers). */
import { BALLOT_SHEET, EVENT_SHEET, PAST_SHEET, ROSTER_SHEET, SCORES_SHEET, SUMMARY_SHEET } from '../../../../shared/io/schemas';
import type { TemplateKind } from '../../../../shared/io/templates';
import type { Rubric } from '../../../../shared/model';
import { platform, XLSX_FILTER } from '../../platform';
import { Button, useToast } from '../../ui';

/** The same titles as shared/io TEMPLATE_TITLES, without loading the writer (exceljs) at start. */
const TEMPLATE_TITLES: Record<TemplateKind, string> = {
  roster: ROSTER_SHEET,
  summary: SUMMARY_SHEET,
  scores: SCORES_SHEET,
  ballots: BALLOT_SHEET,
  events: EVENT_SHEET,
  past: PAST_SHEET,
};
const TEMPLATE_KINDS = Object.keys(TEMPLATE_TITLES) as TemplateKind[];

export async function saveTemplate(kind: TemplateKind, rubric: Rubric): Promise<boolean> {
  const { writeTemplate } = await import('../../../../shared/io/templates');
  const bytes = await writeTemplate(kind, rubric);
  const saved = await platform.saveFile({
    title: `保存${TEMPLATE_TITLES[kind]}模板`,
    suggestedName: `${TEMPLATE_TITLES[kind]}（模板）.xlsx`,
    filters: [XLSX_FILTER],
    bytes,
  });
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
