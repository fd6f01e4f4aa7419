/**
 * 备份与恢复: the backups this machine keeps (automatic, daily, before each import,
 * merge and restore, and by hand), each downloadable; a backup now; restore from a
 * kept backup or a file, after a preview of what it would change (RestoreDialog) and
 * a confirmation.
 */
import { useCallback, useEffect, useState } from 'react';
import { keyIdLabel, openTeamKey, readEnvelopeHeader, type OpenedPackage } from '../../../../shared/exchange';
import { timeLabel } from '../../../../shared/exchange/describe';
import { getOperator } from '../../data/operator';
import { navigate } from '../../data/routes';
import {
  KEEP,
  kindOfBackup,
  openBackup,
  previewRestore,
  restoreBackup,
  StaleRestore,
  writtenHere,
  type BackupKind,
  type RestoreConsent,
} from '../../db/backup';
import { db } from '../../db/db';
import { teamKey } from '../../db/exchange';
import { platform, type BackupEntry } from '../../platform';
import { Button, Dialog, Field, Table, useToast } from '../../ui';
import { sizeWords } from '../../../../shared/model';
import { ImportPackageButton } from '../exchange';
import { TeamKeyCard, useTeamKey } from '../exchange';
import { RestoreDialog, type RestoreCandidate } from './RestoreDialog';
import { backupBefore, BackupFailed, backupNow, ZIP_FILTER } from '../../data/backups';
import './backups.css';

const KIND_LABELS: Record<BackupKind, string> = { auto: '自动', daily: '每日', before: '操作前', manual: '手动' };

/** A backup encrypted with a key this laptop does not have: the person types the key it was made with. */
interface Locked {
  name: string;
  bytes: Uint8Array;
  /** the key id the file names */
  keyId: string;
  /** this laptop's key id, or '' */
  here: string;
}

export function BackupsPage() {
  const toast = useToast();
  const [list, setList] = useState<BackupEntry[] | null>(null);
  const [busy, setBusy] = useState('');
  const [refused, setRefused] = useState<{ name: string; message: string } | null>(null);
  const [candidate, setCandidate] = useState<RestoreCandidate | null>(null);
  const [where, setWhere] = useState('');
  const [locked, setLocked] = useState<Locked | null>(null);
  const { keyId: encrypting } = useTeamKey();

  const refresh = useCallback(async () => setList(await platform.listBackups()), []);
  useEffect(() => {
    void refresh();
    void platform.info().then((i) => setWhere(i.userDataPath));
  }, [refresh]);

  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    try {
      await work();
    } catch (e) {
      console.error(e);
      toast(e instanceof BackupFailed || e instanceof StaleRestore ? e.message : `${label}失败：${e instanceof Error ? e.message : String(e)}`, 'error');
      if (e instanceof StaleRestore) setCandidate(null);
    } finally {
      setBusy('');
    }
  };

  const create = () =>
    run('备份', async () => {
      const entry = await backupNow('manual');
      toast(`已备份：${entry.name}`);
      await refresh();
    });

  const download = (name: string) =>
    run('下载', async () => {
      const bytes = await platform.readBackup(name);
      await platform.saveFile({ title: '下载备份', suggestedName: name, filters: [ZIP_FILTER], bytes });
    });

  const accept = async (name: string, opened: OpenedPackage) => {
    setCandidate({ name, preview: await previewRestore(db, opened), origin: await writtenHere(db, opened.manifest.digest) });
  };

  const preview = async (name: string, bytes: Uint8Array) => {
    const opened = await openBackup(db, bytes);
    if (opened.ok) return accept(name, opened.value);
    const header = readEnvelopeHeader(bytes)?.header;
    const here = (await teamKey(db))?.id ?? '';
    // encrypted with another key (an old one, before the key changed): ask for it
    if (header && header.keyId !== here) return setLocked({ name, bytes, keyId: header.keyId, here });
    setRefused({ name, message: opened.errors[0]?.message ?? '无法读取该备份' });
  };

  /** Opens a locked backup with the key typed for it; returns why not, or '' when opened. */
  const unlock = async (l: Locked, text: string): Promise<string> => {
    const key = await openTeamKey(text);
    if (!key.ok) return key.message;
    if (key.value.id !== l.keyId) return `密钥不对：该密钥的标识是 ${keyIdLabel(key.value.id)}，这份备份需要标识为 ${keyIdLabel(l.keyId)} 的密钥`;
    const opened = await openBackup(db, l.bytes, key.value);
    setLocked(null);
    if (opened.ok) await accept(l.name, opened.value);
    else setRefused({ name: l.name, message: opened.errors[0]?.message ?? '无法读取该备份' });
    return '';
  };

  const previewKept = (name: string) => run('读取备份', async () => preview(name, await platform.readBackup(name)));
  const previewFile = () =>
    run('读取备份', async () => {
      const file = (await platform.openFiles({ title: '从文件恢复', filters: [ZIP_FILTER], multiple: false }))?.[0];
      if (file) await preview(file.name, file.bytes);
    });

  const restore = (c: RestoreCandidate, consent: RestoreConsent) =>
    run('恢复', async () => {
      await backupBefore('恢复');
      await restoreBackup(db, c.preview, await getOperator(), c.name, consent);
      setCandidate(null);
      // the data changed under every screen: start again from the list (this page reloads its list when opened)
      navigate('#/');
      toast(`已从备份恢复：${c.name}`);
    });

  return (
    <div data-testid="backups-page">
      <div className="page-head">
        <h1>备份与恢复</h1>
        <Button variant="primary" onClick={() => void create()} disabled={!!busy}>
          {busy === '备份' ? '正在备份…' : '立即备份'}
        </Button>
        <Button onClick={() => void previewFile()} disabled={!!busy}>
          从文件恢复…
        </Button>
        <ImportPackageButton label="导入交换包（新考核）…" onDone={() => void refresh()} />
      </div>
      <p className="note">
        备份包含全部考核的数据、附件、删除记录和审计日志，格式与交换包相同（可用 shuangping verify 校验）。有改动时自动备份（至多每10分钟一次，保留最近
        {KEEP.auto}份），另每天一份（保留{KEEP.daily}天）；每次导入、合并和恢复之前也自动备份。
        {encrypting
          ? `备份用工作组密钥加密（密钥标识 ${keyIdLabel(encrypting)}），恢复时需要同一密钥。`
          : '未设置工作组密钥，备份不加密（可在任一考核的“交换”页设置）。'}
        {platform.kind === 'desktop'
          ? `备份保存在用户数据文件夹${where ? `（${where}）` : ''}的 backups 子文件夹中。`
          : '浏览器中备份保存在本浏览器的独立存储中，请定期“下载”保存到其他位置。'}
      </p>
      <TeamKeyCard />
      <Table
        testId="backup-list"
        scroll
        rows={list ?? []}
        rowKey={(b) => b.name}
        empty={list ? '还没有备份' : '正在读取…'}
        columns={[
          { key: 'name', header: '备份', render: (b) => b.name },
          { key: 'kind', header: '类型', render: (b) => KIND_LABELS[kindOfBackup(b.name) ?? 'manual'] },
          { key: 'at', header: '时间', render: (b) => timeLabel(b.at) },
          { key: 'size', header: '大小', align: 'right', render: (b) => sizeWords(b.size) },
          {
            key: 'actions',
            header: '操作',
            render: (b) => (
              <span className="row-actions">
                <Button variant="ghost" onClick={() => void previewKept(b.name)} disabled={!!busy} aria-label={`查看并恢复 ${b.name}`}>
                  查看/恢复
                </Button>
                <Button variant="ghost" onClick={() => void download(b.name)} disabled={!!busy} aria-label={`下载 ${b.name}`}>
                  下载
                </Button>
              </span>
            ),
          },
        ]}
      />
      {refused ? (
        <Dialog
          open
          title="备份校验未通过"
          onClose={() => setRefused(null)}
          footer={
            <Button variant="primary" onClick={() => setRefused(null)}>
              知道了
            </Button>
          }
        >
          <p>
            文件：<strong>{refused.name}</strong>
          </p>
          <p className="card notice-warn exchange-refused" role="alert" data-testid="backup-refused">
            {refused.message}
          </p>
          <p className="note">本机数据没有任何改动。</p>
        </Dialog>
      ) : null}
      {locked ? <KeyPrompt locked={locked} onClose={() => setLocked(null)} onUnlock={(text) => unlock(locked, text)} /> : null}
      {candidate ? (
        <RestoreDialog
          candidate={candidate}
          busy={busy === '恢复'}
          onClose={() => setCandidate(null)}
          onRestore={(consent) => void restore(candidate, consent)}
        />
      ) : null}
    </div>
  );
}

function KeyPrompt({ locked, onClose, onUnlock }: { locked: Locked; onClose: () => void; onUnlock: (text: string) => Promise<string> }) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      setError(await onUnlock(text));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      title="输入备份的工作组密钥"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>取消</Button>
          <Button variant="primary" disabled={!text.trim() || busy} onClick={() => void submit()}>
            打开备份
          </Button>
        </>
      }
    >
      <p>
        备份 <strong>{locked.name}</strong> 是用工作组密钥（密钥标识 {keyIdLabel(locked.keyId)}）加密的，
        {locked.here ? `本机现在的密钥（标识 ${keyIdLabel(locked.here)}）打不开它。` : '本机没有设置工作组密钥。'}
        请输入当时使用的密钥：只用于打开这份备份，不改变本机的密钥。
      </p>
      <Field label="该备份的工作组密钥" error={error || undefined} wide>
        <input value={text} onChange={(e) => (setText(e.target.value), setError(''))} autoComplete="off" spellCheck={false} />
      </Field>
    </Dialog>
  );
}
