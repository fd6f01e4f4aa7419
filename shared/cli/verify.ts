/**
 * `shuangping verify <package> [--key-file 密钥.txt]`: every SHA-256, the manifest
 * digest, the audit chains, the data bound to the export entry, and — with the team key
 * (a file, or SHUANGPING_KEY) — decryption and the signature. Prints what the package
 * holds, or the first problem (exit 1).
 */
import { readEnvelopeHeader } from '../exchange/envelope';
import { describeManifest, describeProtection } from '../exchange/describe';
import { readPackage } from '../exchange/read';
import { keyIdLabel, openTeamKey, type TeamKey } from '../exchange/team-key';
import { formatInputError } from '../model';
import type { CliEnv } from './env';

export const KEY_ENV = 'SHUANGPING_KEY';

const OK = 0;
const FAILED = 1;

/** The team key from `--key-file` or the environment; a message when it cannot be had. */
async function keyOf(keyFile: string | undefined, env: CliEnv): Promise<{ key: TeamKey | null } | { message: string }> {
  let text: string | undefined;
  let where = `环境变量 ${KEY_ENV}`;
  if (keyFile !== undefined) {
    const bytes = await env.readFile(keyFile);
    if (!bytes) return { message: `找不到密钥文件“${keyFile}”` };
    text = new TextDecoder().decode(bytes);
    where = `密钥文件“${env.baseName(keyFile)}”`;
  } else text = env.env?.[KEY_ENV];
  if (text === undefined || text.trim() === '') return { key: null };
  const key = await openTeamKey(text);
  return key.ok ? { key: key.value } : { message: `${where}中的工作组密钥无效：${key.message}` };
}

export async function verify(file: string, keyFile: string | undefined, env: CliEnv): Promise<number> {
  const bytes = await env.readFile(file);
  if (!bytes) {
    env.stderr(`找不到文件“${file}”`);
    return FAILED;
  }
  const key = await keyOf(keyFile, env);
  const fail = (message: string) => {
    env.stderr(`校验未通过：${env.baseName(file)}`);
    env.stderr(message);
    return FAILED;
  };
  if ('message' in key) return fail(key.message);
  const sealed = readEnvelopeHeader(bytes)?.header;
  if (sealed && !key.key) {
    return fail(
      `该文件已用工作组密钥加密（密钥标识 ${keyIdLabel(sealed.keyId)}）：请用 --key-file 密钥.txt 指明工作组密钥（或设置环境变量 ${KEY_ENV}）后再校验`,
    );
  }
  const opened = await readPackage(bytes, { key: key.key });
  if (!opened.ok) return fail(opened.errors.map(formatInputError).join('\n'));
  env.stdout(`校验通过：${env.baseName(file)}`);
  for (const line of [...describeManifest(opened.value.manifest), ...describeProtection(opened.value)]) env.stdout(line);
  return OK;
}
