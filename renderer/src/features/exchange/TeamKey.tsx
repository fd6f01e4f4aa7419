/**
 * 工作组密钥 on the 交换 page: the key the team's laptops share. Generate one here and
 * copy it to the other laptops, or type the team's own; shown, changed or cleared here.
 * With a key, this laptop's packages and backups are signed and encrypted, and only
 * packages signed with the same key are imported.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { generateKeyText, keyIdLabel, openTeamKey } from '../../../../shared/exchange';
import { db } from '../../db/db';
import { setTeamKey, teamKeyText } from '../../db/exchange';
import { Button, Dialog, Field, useToast } from '../../ui';

type Step = { step: 'idle' } | { step: 'generate'; text: string; copied: boolean } | { step: 'enter' } | { step: 'show' } | { step: 'clear' };

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** This laptop's team key as it changes: its text (undefined while reading, null when none) and its id. */
export function useTeamKey(): { text: string | null | undefined; keyId: string } {
  const text = useLiveQuery(() => teamKeyText(db), []);
  const [keyId, setKeyId] = useState('');
  useEffect(() => {
    if (!text) return setKeyId('');
    let live = true;
    void openTeamKey(text).then((k) => live && setKeyId(k.ok ? k.value.id : ''));
    return () => void (live = false);
  }, [text]);
  return { text, keyId };
}

export function TeamKeyCard() {
  const toast = useToast();
  const { text, keyId } = useTeamKey();
  const [step, setStep] = useState<Step>({ step: 'idle' });
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const close = () => {
    setStep({ step: 'idle' });
    setTyped('');
    setError('');
  };

  const save = async (value: string | null) => {
    setBusy(true);
    try {
      const result = await setTeamKey(db, value);
      if (!result.ok) return setError(result.message);
      close();
      toast(result.keyId ? `已设置工作组密钥（密钥标识 ${keyIdLabel(result.keyId)}）` : '已清除工作组密钥：此后导出的交换包和备份不再加密');
    } finally {
      setBusy(false);
    }
  };

  const copyButton = (value: string) => (
    <Button
      variant="ghost"
      onClick={() => void copy(value).then((ok) => toast(ok ? '已复制到剪贴板' : '无法访问剪贴板，请手工抄写', ok ? undefined : 'error'))}
    >
      复制
    </Button>
  );

  if (text === undefined) return null;
  return (
    <section className="card team-key" aria-labelledby="team-key-title" data-testid="team-key">
      <div className="page-head">
        <h2 id="team-key-title">工作组密钥</h2>
        {text ? (
          <span className="badge badge-ok" data-testid="team-key-state">
            已设置 · 密钥标识 {keyId ? keyIdLabel(keyId) : '…'}
          </span>
        ) : (
          <span className="badge badge-warn" data-testid="team-key-state">
            未设置：交换包和备份不加密
          </span>
        )}
      </div>
      <p className="note">
        设置后，本机导出的交换包和备份都用该密钥加密并签名，U盘丢失也看不到内容；本机只接受用同一密钥签名的交换包，其他工作组的文件一律拒绝。
        <strong>同一工作组的每台电脑必须设置同一个密钥。</strong>
        密钥丢失后，用它加密的备份再也无法打开：请抄写后妥善保管。
      </p>
      <div className="toolbar">
        {text ? (
          <>
            <Button onClick={() => setStep({ step: 'show' })}>显示密钥</Button>
            <Button onClick={() => setStep({ step: 'enter' })}>更换密钥…</Button>
            <Button variant="ghost" onClick={() => setStep({ step: 'clear' })}>
              清除密钥
            </Button>
          </>
        ) : (
          <>
            <Button variant="primary" onClick={() => setStep({ step: 'generate', text: generateKeyText(), copied: false })}>
              生成新密钥
            </Button>
            <Button onClick={() => setStep({ step: 'enter' })}>输入本组的密钥…</Button>
          </>
        )}
      </div>

      {step.step === 'generate' ? (
        <Dialog
          open
          title="生成工作组密钥"
          onClose={close}
          footer={
            <>
              <Button onClick={close}>取消</Button>
              <Button variant="primary" disabled={!step.copied || busy} onClick={() => void save(step.text)}>
                使用此密钥
              </Button>
            </>
          }
        >
          <p>这是新生成的工作组密钥。请把它抄写或复制到本组其他每一台电脑（在“交换”页点“输入本组的密钥”）：</p>
          <p className="key-text" data-testid="generated-key">
            {step.text} {copyButton(step.text)}
          </p>
          <p className="card notice-warn">密钥丢失后，用它加密的备份无法打开。换用新密钥后，旧备份要输入旧密钥才能恢复。</p>
          <label className="check-row">
            <input type="checkbox" checked={step.copied} onChange={(e) => setStep({ ...step, copied: e.target.checked })} />
            我已抄下此密钥，并会在本组每台电脑上设置同一个密钥
          </label>
        </Dialog>
      ) : null}

      {step.step === 'enter' ? (
        <Dialog
          open
          title={text ? '更换工作组密钥' : '输入工作组密钥'}
          onClose={close}
          footer={
            <>
              <Button onClick={close}>取消</Button>
              <Button variant="primary" disabled={!typed.trim() || busy} onClick={() => void save(typed)}>
                保存
              </Button>
            </>
          }
        >
          <Field label="工作组密钥" hint="本组其他电脑上生成的 SPK1- 开头的密钥，或本组自定的至少 12 个字的密钥" error={error || undefined} wide>
            <input value={typed} onChange={(e) => (setTyped(e.target.value), setError(''))} autoComplete="off" spellCheck={false} />
          </Field>
          {text ? <p className="card notice-warn">更换后，用原密钥加密的备份需要输入原密钥才能恢复；未换密钥的电脑导出的交换包本机将不再接受。</p> : null}
        </Dialog>
      ) : null}

      {step.step === 'show' && text ? (
        <Dialog
          open
          title="本机的工作组密钥"
          onClose={close}
          footer={
            <Button variant="primary" onClick={close}>
              关闭
            </Button>
          }
        >
          <p className="key-text" data-testid="shown-key">
            {text} {copyButton(text)}
          </p>
          <p className="note">密钥标识 {keyIdLabel(keyId)}：本组每台电脑显示的标识应相同。</p>
        </Dialog>
      ) : null}

      {step.step === 'clear' ? (
        <Dialog
          open
          title="清除工作组密钥"
          onClose={close}
          footer={
            <>
              <Button onClick={close}>取消</Button>
              <Button variant="danger" disabled={busy} onClick={() => void save(null)}>
                清除
              </Button>
            </>
          }
        >
          <p>清除后，本机导出的交换包和备份不再加密和签名，也会接受未签名的交换包。用该密钥加密的备份，恢复时需要再次输入密钥。</p>
        </Dialog>
      ) : null}
    </section>
  );
}
