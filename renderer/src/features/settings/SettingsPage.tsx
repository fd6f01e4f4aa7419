/** 考核: the assessment's own settings — basic facts, 考核规则 (policy), 考评细则 (rubric). */
import { useState } from 'react';
import { getOperator } from '../../data/operator';
import { useAssessment } from '../../data/assessment';
import { updateAssessment } from '../../db/assessments';
import { db } from '../../db/db';
import type { AssessmentRecord } from '../../db/schema';
import { JSON_FILTER, platform, XLSX_FILTER } from '../../platform';
import type { InputError } from '../../../../shared/model';
import { parsePolicyJson } from '../../../../shared/policy';
import { sharedInputConflicts } from '../../../../shared/rubric/community';
import { Button, Dialog, ErrorTable, Field, Tabs, useToast } from '../../ui';
import { PolicyEditor } from './PolicyEditor';
import { inWords } from '../../../../shared/policy/words';
import { RubricEditor } from './RubricEditor';

type TabKey = 'basic' | 'policy' | 'rubric' | 'community';

export function SettingsPage({ assessmentId }: { assessmentId: string }) {
  const assessment = useAssessment(assessmentId);
  const toast = useToast();
  const [tab, setTab] = useState<TabKey>('policy');
  const [policyErrors, setPolicyErrors] = useState<InputError[] | null>(null);
  const [rulesErrors, setRulesErrors] = useState<InputError[] | null>(null);
  if (!assessment) return null;
  const readOnly = assessment.locked || assessment.status === 'archived';
  const save = async (changes: Parameters<typeof updateAssessment>[2], text: string) => {
    await updateAssessment(db, assessmentId, changes, await getOperator());
    toast(text);
  };
  const exportPolicy = async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(assessment.policy, null, 2));
    if (await platform.saveFile({ title: '导出考核规则', suggestedName: `考核规则-${assessment.policy.name}.json`, filters: [JSON_FILTER], bytes }))
      toast('已导出考核规则');
  };
  const importPolicy = async () => {
    const files = await platform.openFiles({ title: '导入考核规则', filters: [JSON_FILTER], multiple: false });
    const file = files?.[0];
    if (!file) return;
    const checked = parsePolicyJson(new TextDecoder().decode(file.bytes), file.name);
    if (!checked.ok) return setPolicyErrors(checked.errors);
    await save({ policy: checked.value }, `已导入考核规则“${checked.value.name}”`);
  };
  const exportRules = async () => {
    const { RULES_TITLE, writeRulesWorkbook } = await import('../../../../shared/io/rules');
    const bytes = await writeRulesWorkbook(assessment.policy, assessment.rubric, assessment.communityRubric);
    if (await platform.saveFile({ title: '导出考核规则和细则', suggestedName: `${RULES_TITLE}-${assessment.policy.name}.xlsx`, filters: [XLSX_FILTER], bytes }))
      toast('已导出考核规则和考评细则');
  };
  const importRules = async () => {
    const files = await platform.openFiles({ title: '导入考核规则和细则', filters: [XLSX_FILTER], multiple: false });
    const file = files?.[0];
    if (!file) return;
    const { readRulesWorkbook } = await import('../../../../shared/io/rules');
    const read = await readRulesWorkbook({ name: file.name, bytes: file.bytes });
    if (!read.ok) return setRulesErrors(read.errors);
    const { policy, rubric, communityRubric } = read.value;
    const parts = [
      policy ? `考核规则“${policy.name}”` : '',
      rubric ? `考评细则“${rubric.name}”` : '',
      communityRubric ? `社区考评细则“${communityRubric.name}”` : '',
    ].filter(Boolean);
    // 考核规则“…”和考评细则“…”; three as 甲、乙和丙
    const what = parts.length > 2 ? `${parts.slice(0, -1).join('、')}和${parts.at(-1)!}` : parts.join('和');
    await save(
      { ...(policy ? { policy } : {}), ...(rubric ? { rubric } : {}), ...(communityRubric ? { communityRubric } : {}) },
      `已导入${what}，结果将按新规则计算`,
    );
  };
  return (
    <>
      <div className="page-head">
        <h1>考核设置</h1>
        <Button onClick={() => void exportRules()}>导出规则和细则（Excel）</Button>
        <Button onClick={() => void importRules()} disabled={readOnly}>
          导入规则和细则（Excel）
        </Button>
        <Button onClick={() => void exportPolicy()}>导出考核规则（JSON）</Button>
        <Button onClick={() => void importPolicy()} disabled={readOnly}>
          导入考核规则（JSON）
        </Button>
      </div>
      <Dialog open={policyErrors !== null} wide title="考核规则文件有错误" onClose={() => setPolicyErrors(null)}>
        {policyErrors ? <ErrorTable errors={inWords(policyErrors)} title="未导入。请改正以下错误：" /> : null}
      </Dialog>
      <Dialog open={rulesErrors !== null} wide title="考核规则和细则工作簿有错误" onClose={() => setRulesErrors(null)}>
        {rulesErrors ? <ErrorTable errors={rulesErrors} title="未导入。请改正以下错误：" /> : null}
      </Dialog>
      {readOnly ? <p className="badge badge-warn">本次考核{assessment.locked ? '已定稿' : '已归档'}，设置只能查看。</p> : null}
      <Tabs<TabKey>
        label="考核设置"
        tabs={[
          { key: 'basic', label: '基本信息' },
          { key: 'policy', label: '考核规则' },
          { key: 'rubric', label: assessment.communityRubric ? '考评细则（村）' : '考评细则' },
          ...(assessment.communityRubric ? [{ key: 'community' as const, label: '考评细则（社区）' }] : []),
        ]}
        active={tab}
        onChange={setTab}
      >
        {tab === 'basic' ? <BasicForm assessment={assessment} readOnly={readOnly} onSave={(c) => save(c, '已保存基本信息')} /> : null}
        {tab === 'policy' ? (
          <PolicyEditor
            key={assessment.updatedAt}
            policy={assessment.policy}
            readOnly={readOnly}
            onSave={(policy) => save({ policy }, '已保存考核规则，结果将按新规则计算')}
          />
        ) : null}
        {tab === 'rubric' ? (
          <RubricEditor
            rubric={assessment.rubric}
            readOnly={readOnly}
            agreesWith={(rubric) => (assessment.communityRubric ? sharedInputConflicts(rubric, assessment.communityRubric) : [])}
            onSave={(rubric) => save({ rubric }, '已保存考评细则')}
          />
        ) : null}
        {tab === 'community' && assessment.communityRubric ? (
          <>
            <p className="muted" data-testid="community-rubric-note">
              {assessment.policy.communityRubric === 'own'
                ? '社区党组织“第一书记”按本细则评分（第八条、第十八条）；村党组织“第一书记”按村考评细则评分。'
                : '考核规则为“参照村考评细则”：本细则目前不用于评分，社区“第一书记”按村考评细则评分。'}
            </p>
            <RubricEditor
              rubric={assessment.communityRubric}
              readOnly={readOnly}
              agreesWith={(rubric) => sharedInputConflicts(assessment.rubric, rubric)}
              onSave={(communityRubric) => save({ communityRubric }, '已保存社区考评细则')}
            />
          </>
        ) : null}
      </Tabs>
    </>
  );
}

function BasicForm({
  assessment,
  readOnly,
  onSave,
}: {
  assessment: AssessmentRecord;
  readOnly: boolean;
  onSave: (c: { year: number; name: string; region: string }) => Promise<void>;
}) {
  const [year, setYear] = useState(String(assessment.year));
  const [name, setName] = useState(assessment.name);
  const [region, setRegion] = useState(assessment.region);
  const yearOk = /^\d{4}$/.test(year.trim());
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        if (yearOk && name.trim()) void onSave({ year: Number(year), name: name.trim(), region: region.trim() });
      }}
    >
      <div className="grid-form">
        <Field label="考核年度" required error={yearOk ? undefined : '请填写四位年度'}>
          <input value={year} disabled={readOnly} onChange={(e) => setYear(e.target.value)} />
        </Field>
        <Field label="地区">
          <input value={region} disabled={readOnly} onChange={(e) => setRegion(e.target.value)} />
        </Field>
        <Field label="考核名称" required wide error={name.trim() ? undefined : '请填写考核名称'}>
          <input value={name} disabled={readOnly} onChange={(e) => setName(e.target.value)} />
        </Field>
      </div>
      <p style={{ marginTop: 12 }}>
        <Button variant="primary" type="submit" disabled={readOnly || !yearOk || !name.trim()}>
          保存
        </Button>
      </p>
    </form>
  );
}
