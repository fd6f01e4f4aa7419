/**
 * 使用说明: the steps of an assessment in order, what each screen is for, where each file
 * comes from, and what to do when a number looks wrong (the words in guide.ts). Inside an
 * assessment its names link to that assessment's screens and prints; from the list of
 * assessments they are plain words.
 */
import { PRINT_KIND_LABELS } from '../../../../shared/model';
import { printHref, screenHref, SCREEN_LABELS, SCREENS } from '../../data/routes';
import { FILES, PROBLEMS, SCREEN_PURPOSES, STEPS, type GuideLink } from './guide';
import './help.css';

const linkLabel = (link: GuideLink): string => ('screen' in link ? `“${SCREEN_LABELS[link.screen]}”` : PRINT_KIND_LABELS[link.print]);

function Links({ links, assessmentId }: { links: readonly GuideLink[]; assessmentId: string | undefined }) {
  return (
    <span className="help-links">
      {links.map((link, i) => {
        const href = assessmentId ? ('screen' in link ? screenHref(assessmentId, link.screen) : printHref(assessmentId, link.print)) : null;
        return (
          <span key={i}>
            {i ? '、' : ''}
            {href ? <a href={href}>{linkLabel(link)}</a> : linkLabel(link)}
          </span>
        );
      })}
    </span>
  );
}

export function HelpPage({ assessmentId }: { assessmentId?: string }) {
  return (
    <div className="help-page" data-testid="help-page">
      <div className="page-head">
        <h1>使用说明</h1>
      </div>
      {assessmentId ? null : <p className="note">打开一次考核后，本页中的页面名称可直接点击前往。</p>}
      <section className="card" aria-labelledby="help-steps">
        <h2 id="help-steps">考核的步骤</h2>
        <ol className="help-steps">
          {STEPS.map((step) => (
            <li key={step.title}>
              <strong>{step.title}</strong>（<Links links={step.links} assessmentId={assessmentId} />）<p>{step.text}</p>
            </li>
          ))}
        </ol>
      </section>
      <section className="card" aria-labelledby="help-screens">
        <h2 id="help-screens">各页面的用途</h2>
        <dl className="help-list">
          {SCREENS.filter((s) => s !== 'help').map((screen) => (
            <div key={screen}>
              <dt>
                <Links links={[{ screen }]} assessmentId={assessmentId} />
              </dt>
              <dd>{SCREEN_PURPOSES[screen as Exclude<typeof screen, 'help'>]}</dd>
            </div>
          ))}
          <div>
            <dt>“打印”</dt>
            <dd>排名表、汇总表、公示名单、个人考评表、测评票和计票单：可按类别、镇街打印，也可打印全部；可另存为 PDF。</dd>
          </div>
        </dl>
      </section>
      <section className="card" aria-labelledby="help-files">
        <h2 id="help-files">各类文件从哪里来</h2>
        <table className="help-table">
          <thead>
            <tr>
              <th scope="col">文件</th>
              <th scope="col">由谁填写、从哪里来</th>
              <th scope="col">在哪里导入</th>
            </tr>
          </thead>
          <tbody>
            {FILES.map((f) => (
              <tr key={f.file}>
                <th scope="row">{f.file}</th>
                <td>{f.source}</td>
                <td>
                  <Links links={[{ screen: f.into }]} assessmentId={assessmentId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="note">每个模板的“填表说明”工作表末尾都有填写示例；命令行也可生成模板：shuangping template ballots --roster 名册.xlsx。</p>
      </section>
      <section className="card" aria-labelledby="help-problems">
        <h2 id="help-problems">数字看起来不对时</h2>
        <dl className="help-list">
          {PROBLEMS.map((p) => (
            <div key={p.question}>
              <dt>{p.question}</dt>
              <dd>
                {p.answer}（<Links links={p.links} assessmentId={assessmentId} />）
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
