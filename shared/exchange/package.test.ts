import { describe, expect, it } from 'vitest';
import { chainEntry } from '../audit/chain';
import { readPackage, writePackage } from '.';
import { chainFields } from './canonical';
import { AID, attachment, chain, county, empty, input, row, secretary } from './testing';
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
    expect(opened.value.assessments[0]!.audit).toEqual(audit.map(chainFields));
    expect([...opened.value.files]).toEqual([...files]);
    expect(manifest.assessments[0]).toMatchObject({ id: AID, name: '胶州市第一书记考核', counts: { secretaries: 4, tallies: 2, attachments: 1 }, audit: { count: 2, head: audit[1]!.hash } });
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
