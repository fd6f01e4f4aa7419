import { describe, expect, it } from 'vitest';
import { chainEntry } from '../audit/chain';
import { readPackage, writePackage } from '.';
import { withExportEntry } from './bind';
import { chainFields, jsonLines } from './canonical';
import { AID, attachment, chain, county, empty, entryOf, file, EXPORTED_AT, input, repack, row, secretary, textOf } from './testing';
import { FORMAT_VERSION, tablesSince } from './types';
import { readZip, writeZip } from './zip';

const messageOf = async (bytes: Uint8Array) => {
  const r = await readPackage(bytes);
  return r.ok ? 'ok' : r.errors[0]!.message;
};

async function countyPackage() {
  const { data, files } = county();
  const audit = chain(AID, ['assessment.create', 'roster.import', 'ballots.import']);
  return writePackage(input([{ data, audit, received: [] }], files));
}

describe('zip', () => {
  it('reads back what it writes, and nothing else', () => {
    const entries = [
      { path: 'manifest.json', bytes: new TextEncoder().encode('{}') },
      { path: 'data/名册.json', bytes: new Uint8Array([1, 2, 3]) },
    ];
    const read = readZip(writeZip(entries));
    expect(read.ok && read.entries.map((e) => [e.path, [...e.bytes]])).toEqual([
      ['manifest.json', [123, 125]],
      ['data/名册.json', [1, 2, 3]],
    ]);
    expect(readZip(new TextEncoder().encode('not a zip at all, just words'))).toMatchObject({ ok: false, notZip: true });
  });
});

describe('packages', () => {
  it('round trip: the data, attachments and audit chain come back as written', async () => {
    const { data, files } = county();
    const audit = chain(AID, ['assessment.create', 'roster.import']);
    const { bytes, manifest } = await writePackage(input([{ data, audit, received: [] }], files));
    const opened = await readPackage(bytes);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.manifest).toEqual(manifest);
    expect(opened.value.assessments[0]!.data).toEqual(data);
    // the chain as it travels ends with the export entry, which names this data
    expect(opened.value.assessments[0]!.audit).toEqual(withExportEntry(audit, data, { kind: 'assessment' }, EXPORTED_AT, '张三').map(chainFields));
    expect(opened.value.assessments[0]!.audit.at(-1)).toMatchObject({ action: 'export', target: '整个考核', operator: '张三' });
    expect(opened.value.security).toEqual({ encrypted: false, signature: 'none' });
    expect([...opened.value.files]).toEqual([...files]);
    expect(manifest.assessments[0]).toMatchObject({
      id: AID,
      name: '胶州市第一书记考核',
      counts: { secretaries: 4, tallies: 2, attachments: 1, tombstones: 0 },
      audit: { count: 3 },
    });
    expect(manifest.entries.map((e) => e.path)).toContain(`attachments/${data.attachments[0]!.sha256}`);
  });

  it('the same data in any record order gives the same bytes', async () => {
    const { data, files } = county();
    const shuffled = { ...data, secretaries: [...data.secretaries].reverse(), tallies: [...data.tallies].reverse() };
    const a = await writePackage(input([{ data, audit: [], received: [] }], files));
    const b = await writePackage(input([{ data: shuffled, audit: [], received: [] }], files));
    expect(b.bytes).toEqual(a.bytes);
  });

  it('refuses what is not a package, with one Chinese sentence', async () => {
    expect(await messageOf(new TextEncoder().encode('PK? no'))).toContain('不是 zip');
    expect(await messageOf(writeZip([{ path: 'a.txt', bytes: new Uint8Array([1]) }]))).toContain('缺少清单 manifest.json');
    expect(await messageOf(writeZip([{ path: 'manifest.json', bytes: new TextEncoder().encode('{"format":"other"}') }]))).toContain('格式不对');
  });

  it('a changed byte in the data is named: 文件已被改动：数据/… 的校验值不符', async () => {
    const { bytes } = await countyPackage();
    const zip = readZip(bytes);
    if (!zip.ok) throw new Error(zip.message);
    const tallies = zip.entries.find((e) => e.path.endsWith('/tallies.json'))!;
    const at = tallies.bytes.byteOffset + tallies.bytes.indexOf('30'.charCodeAt(0));
    const tampered = bytes.slice();
    tampered[at] = '4'.charCodeAt(0);
    expect(await messageOf(tampered)).toBe('文件已被改动：数据/测评计票（2024 胶州市第一书记考核） 的校验值不符，拒绝导入');
  });

  it('a changed attachment byte, a missing or an added file are refused', async () => {
    const { bytes } = await countyPackage();
    const zip = readZip(bytes);
    if (!zip.ok) throw new Error(zip.message);
    const photo = zip.entries.find((e) => e.path.startsWith('attachments/'))!;
    const tampered = bytes.slice();
    tampered[photo.bytes.byteOffset] = tampered[photo.bytes.byteOffset]! ^ 1;
    expect(await messageOf(tampered)).toMatch(/^文件已被改动：附件\/[0-9a-f]{12}… 的校验值不符/);
    expect(await messageOf(writeZip(zip.entries.filter((e) => e !== photo)))).toMatch(/^文件不完整：缺少 附件/);
    expect(await messageOf(writeZip([...zip.entries, { path: 'zz.txt', bytes: new Uint8Array([1]) }]))).toBe('文件已被改动：多出未登记的文件 zz.txt，拒绝导入');
  });

  it('a broken audit chain is refused with the entry it breaks at', async () => {
    const { data, files } = county();
    const audit = chain(AID, ['assessment.create', 'roster.import', 'ballots.import']);
    audit[1] = { ...audit[1]!, operator: '李四' };
    const { bytes } = await writePackage(input([{ data, audit, received: [] }], files));
    expect(await messageOf(bytes)).toMatch(/^审计日志第2条（.*李四，导入名册）的内容与其哈希不符：该条记录被改动过，拒绝导入$/);
  });

  it('received chains travel and are verified too', async () => {
    const { data, files } = county();
    const theirs = chain(AID, ['merge', 'tally.accept']);
    const { bytes, manifest } = await writePackage(input([{ data, audit: [], received: [{ laptopId: 'laptop-b-0002', entries: theirs }] }], files));
    expect(manifest.assessments[0]!.received).toEqual([{ laptopId: 'laptop-b-0002', count: 2, head: theirs[1]!.hash }]);
    const opened = await readPackage(bytes);
    expect(opened.ok && opened.value.assessments[0]!.received).toEqual([{ laptopId: 'laptop-b-0002', entries: theirs }]);

    const forged = [theirs[0]!, chainEntry({ ...theirs[1]!, after: 'x' }, undefined)];
    const bad = await writePackage(input([{ data, audit: [], received: [{ laptopId: 'laptop-b-0002', entries: forged }] }], files));
    expect(await messageOf(bad.bytes)).toMatch(/^转来的审计日志（电脑 laptop-b）：审计日志第2条/);
  });

  it('malformed records are refused even when their hashes were recomputed', async () => {
    const data = { ...empty(), secretaries: [secretary('S1', '胶莱镇'), { ...secretary('S2', '胶莱镇'), eligibleVoters: 0 }] };
    const { bytes } = await writePackage(input([{ data, audit: [], received: [] }], new Map()));
    expect(await messageOf(bytes)).toBe('交换包内容无效：数据/名册（2024 胶州市第一书记考核） 第2条（编号 S2）的 eligibleVoters 无效');
  });

  it('every single changed byte of a package is refused, never thrown', async () => {
    const tiny = { ...row(), rubric: { id: 'r', name: '细则', sections: [] } };
    const photo = attachment('S1', 'x');
    const data = { ...empty(tiny), secretaries: [secretary('S1', '胶莱镇')], attachments: [photo.row] };
    const { bytes } = await writePackage(input([{ data, audit: chain(AID, ['assessment.create']), received: [] }], new Map([[photo.row.sha256, photo.bytes]])));
    expect(await messageOf(bytes)).toBe('ok');
    const accepted: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      const changed = bytes.slice();
      changed[i] = changed[i]! ^ 0x20;
      if ((await messageOf(changed)) === 'ok') accepted.push(i);
    }
    expect(accepted).toEqual([]);
    expect(await messageOf(bytes.subarray(0, bytes.length - 1))).not.toBe('ok');
    expect(await messageOf(new Uint8Array([...bytes, 0]))).not.toBe('ok');
  }, 60_000);
});

const STRAY = (path: string) => `文件已被改动：交换包中有双评工作站不会写出的文件“${path}”，拒绝导入`;

describe('entries the writer never writes are refused, even listed with their hash', () => {
  it.each([
    ['a parent directory', '../x'],
    ['a parent directory inside', `data/${AID}/../${AID}/secretaries.json`],
    ['a dot part', `data/${AID}/./secretaries.json`],
    ['an absolute path', '/etc/passwd'],
    ['a backslash', 'data\\x.json'],
    ['a drive letter', 'C:/Windows/x.json'],
    ['an empty part', `data//secretaries.json`],
    ['an assessment the manifest does not name', 'data/other-assessment/secretaries.json'],
    ['a table not in the format', `data/${AID}/scripts.json`],
    ['another laptop’s chain as if it were the package’s own', `audit/${AID}/laptop-z-0009.json`],
    ['a received chain the manifest does not name', `audit/${AID}/received/laptop-z-0009-0123456789abcdef.json`],
    ['an attachment not named by its SHA-256', 'attachments/照片.jpg'],
    ['a file at the top', 'readme.txt'],
  ])('%s: %s', async (_, path) => {
    const { bytes } = await countyPackage();
    const forged = repack(bytes, (entries) => [...entries, entryOf(path, '[]\n')]);
    expect(await messageOf(forged)).toBe(STRAY(path));
  });

  it('an attachment no record names', async () => {
    const { bytes } = await countyPackage();
    const extra = file('not named by any record');
    const forged = repack(bytes, (entries) => [...entries, { path: `attachments/${extra.sha256}`, bytes: extra.bytes }]);
    expect(await messageOf(forged)).toMatch(/^文件已被改动：交换包中有没有任何记录用到的附件 附件\/[0-9a-f]{12}…，拒绝导入$/);
  });
});

describe('the data is bound to the audit chain', () => {
  it('data edited with every hash and the manifest digest recomputed is refused', async () => {
    const { bytes } = await countyPackage();
    const forged = repack(bytes, (entries) =>
      entries.map((e) => (e.path.endsWith('/tallies.json') ? entryOf(e.path, textOf(e).replace('"verySatisfied":30', '"verySatisfied":39')) : e)),
    );
    expect(await messageOf(forged)).toBe('文件已被改动：数据与导出时审计日志记下的校验值不符，拒绝导入');
  });

  it('a package whose chain does not end with its export entry is refused', async () => {
    const { bytes } = await countyPackage();
    const forged = repack(bytes, (entries, manifest) => {
      const own = entries.find((e) => e.path === `audit/${AID}/laptop-a-0001.json`)!;
      const cut = (JSON.parse(textOf(own)) as { hash: string }[]).slice(0, -1);
      manifest.assessments[0]!.audit = { laptopId: 'laptop-a-0001', count: cut.length, head: cut.at(-1)!.hash };
      return entries.map((e) => (e === own ? entryOf(e.path, jsonLines(cut)) : e));
    });
    expect(await messageOf(forged)).toBe('交换包的审计日志不是以“导出交换包”记录结尾，数据无法与审计日志核对，拒绝导入');
  });

  it('the writer refuses to write an exchange package its chain does not bind', async () => {
    const { data, files } = county();
    await expect(writePackage(input([{ data, audit: chain(AID, ['assessment.create']), received: [] }], files, { bind: false }))).rejects.toThrow(
      /export entry/,
    );
  });

  it('a backup is not bound to a chain entry (its binding is the key’s signature and the ledger of backups written)', async () => {
    const { data, files } = county();
    const { bytes } = await writePackage(
      input([{ data, audit: chain(AID, ['assessment.create']), received: [] }], files, { kind: 'backup', scope: { kind: 'backup' } }),
    );
    expect(await messageOf(bytes)).toBe('ok');
  });

  it('a version-1 package (no deletions, no export entry) is still read', async () => {
    const { data, files } = county();
    const { bytes } = await writePackage(
      input([{ data, audit: chain(AID, ['assessment.create']), received: [] }], files, { kind: 'backup', scope: { kind: 'backup' } }),
    );
    const v1 = repack(bytes, (entries, manifest) => {
      manifest.version = 1;
      manifest.kind = 'exchange';
      manifest.scope = { kind: 'assessment' };
      return entries.filter((e) => !tablesSince(FORMAT_VERSION).some((t) => !tablesSince(1).includes(t) && e.path.endsWith(`/${t}.json`)));
    });
    const opened = await readPackage(v1);
    // the tables a version did not carry come back empty
    const before3 = {
      ...data,
      ...Object.fromEntries(
        tablesSince(FORMAT_VERSION)
          .filter((t) => !tablesSince(2).includes(t))
          .map((t) => [t, []]),
      ),
    };
    expect(opened.ok && opened.value.assessments[0]!.data).toEqual(before3);
    // a version-2 package (before the field work, holds and acknowledgments travelled) is read with those tables empty
    const v2 = repack(bytes, (entries, manifest) => {
      manifest.version = 2;
      return entries.filter((e) => !tablesSince(FORMAT_VERSION).some((t) => !tablesSince(2).includes(t) && e.path.endsWith(`/${t}.json`)));
    });
    const opened2 = await readPackage(v2);
    expect(opened2.ok && opened2.value.assessments[0]!.data).toEqual(before3);
    // a version-3 package (before the 期满评价 travelled) is read with that table empty
    const v3 = repack(bytes, (entries, manifest) => {
      manifest.version = 3;
      return entries.filter((e) => !tablesSince(FORMAT_VERSION).some((t) => !tablesSince(3).includes(t) && e.path.endsWith(`/${t}.json`)));
    });
    const opened3 = await readPackage(v3);
    expect(opened3.ok && opened3.value.assessments[0]!.data).toEqual({ ...data, termEvaluations: [] });
    // but a version-2 package must carry its deletions
    const missing = repack(bytes, (entries) => entries.filter((e) => !e.path.endsWith('/tombstones.json')));
    expect(await messageOf(missing)).toMatch(/^文件不完整：缺少 数据\/删除记录/);
  });

  it('a version-3 package must carry its held grades and acknowledged warnings', async () => {
    const { data, files } = county();
    const { bytes } = await writePackage(
      input([{ data, audit: chain(AID, ['assessment.create']), received: [] }], files, { kind: 'backup', scope: { kind: 'backup' } }),
    );
    const missing = repack(bytes, (entries) => entries.filter((e) => !e.path.endsWith('/holds.json')));
    expect(await messageOf(missing)).toMatch(/^文件不完整：缺少 数据\/暂缓定等/);
  });
});

describe('audit entries travel with the fields the hash covers, and no other', () => {
  it('an entry with `prior` (the records a change replaced) travels and verifies', async () => {
    const { data, files } = county();
    const audit = [...chain(AID, ['assessment.create'])];
    audit.push(
      chainEntry(
        {
          assessmentId: AID,
          at: '2024-12-03T10:00:00.000Z',
          operator: '张三',
          action: 'tally.reset',
          target: 'S2',
          before: '40票',
          after: '',
          prior: '[{"id":"S2"}]',
        },
        audit.at(-1),
      ),
    );
    const { bytes } = await writePackage(input([{ data, audit, received: [] }], files));
    const opened = await readPackage(bytes);
    expect(opened.ok && opened.value.assessments[0]!.audit[1]!.prior).toBe('[{"id":"S2"}]');
  });

  it('an entry with a field the hash does not cover is refused', async () => {
    const { bytes } = await countyPackage();
    const forged = repack(bytes, (entries) =>
      entries.map((e) =>
        e.path === `audit/${AID}/laptop-a-0001.json`
          ? entryOf(e.path, jsonLines((JSON.parse(textOf(e)) as object[]).map((x, i) => (i === 0 ? { ...x, note: '后加的' } : x))))
          : e,
      ),
    );
    expect(await messageOf(forged)).toBe('交换包内容无效：审计日志/laptop-a（2024 胶州市第一书记考核） 第1条有多余的字段');
  });
});
