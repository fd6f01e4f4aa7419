/**
 * People across assessments (docs/method.md §10). Each secretary of an assessment (and
 * each row of a 历年结果) is a node; nodes are one person when they share a 身份证号, or
 * when a person linked them (a stored, logged link: "S12 of 2024 is S7 of 2023"). 编号
 * may change between years. A person's key is stable: from the 身份证号 when the person
 * has one, else from the earliest node; it never shows the 身份证号.
 */
import { sha256Hex } from '../digest';
import type { Mode } from '../model';
import { normalizeIdNumber } from './id-number';

export interface PersonNode {
  assessmentId: string;
  /** 编号 in that assessment */
  id: string;
  year: number;
  name: string;
  unit?: string | undefined;
  idNumber?: string | undefined;
  mode?: Mode | undefined;
  town?: string | undefined;
  village?: string | undefined;
  termStart?: string | undefined;
  termEnd?: string | undefined;
  /** a row of a 历年结果 (imported past results), not a secretary of an assessment kept here */
  past?: boolean;
}

/** A person's decision about one node, stored in that node's assessment (the `people` table). */
export interface PersonLink {
  assessmentId: string;
  id: string;
  /** the same person as this node of another assessment */
  sameAs?: { assessmentId: string; id: string };
  /** confirmed as nobody seen before: no match is proposed again */
  distinct?: boolean;
  /** what the match rested on: 姓名+派出单位, 姓名 alone, or chosen by hand */
  basis?: 'nameUnit' | 'name' | 'manual';
  by: string;
  at: string;
}

export const nodeKey = (n: { assessmentId: string; id: string }): string => `${n.assessmentId}|${n.id}`;

/** 张 三 and 张三 are one name; units compared the same way. */
export const sameText = (a: string | undefined, b: string | undefined): boolean => !!a && !!b && a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

const earlier = (a: PersonNode, b: PersonNode) =>
  a.year - b.year || (a.assessmentId < b.assessmentId ? -1 : a.assessmentId > b.assessmentId ? 1 : a.id < b.id ? -1 : 1);

export interface People {
  /** the person of a node (a node alone is a person of its own) */
  keyOf(node: { assessmentId: string; id: string }): string;
  /** every node of a person, earliest first */
  nodesOf(personKey: string): PersonNode[];
  /** every person, by key */
  persons: ReadonlyMap<string, PersonNode[]>;
  node(key: string): PersonNode | undefined;
  /** the persons with a node of this 姓名 */
  withName(name: string): readonly string[];
}

const nameKey = (name: string) => name.replace(/\s+/g, '');

export function resolvePeople(nodes: readonly PersonNode[], links: readonly PersonLink[]): People {
  const byKey = new Map(nodes.map((n) => [nodeKey(n), n]));
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.has(root)) root = parent.get(root)!;
    // path compression
    let x = k;
    while (x !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const byIdNumber = new Map<string, string>();
  for (const n of nodes) {
    if (!n.idNumber) continue;
    const id = normalizeIdNumber(n.idNumber);
    const seen = byIdNumber.get(id);
    if (seen) union(seen, nodeKey(n));
    else byIdNumber.set(id, nodeKey(n));
  }
  for (const l of links) {
    if (!l.sameAs) continue;
    const a = nodeKey(l);
    const b = nodeKey(l.sameAs);
    if (byKey.has(a) && byKey.has(b)) union(a, b);
  }
  const groups = new Map<string, PersonNode[]>();
  for (const n of nodes) {
    const root = find(nodeKey(n));
    const list = groups.get(root);
    if (list) list.push(n);
    else groups.set(root, [n]);
  }
  const persons = new Map<string, PersonNode[]>();
  const keyOfRoot = new Map<string, string>();
  const byName = new Map<string, string[]>();
  for (const [root, list] of groups) {
    list.sort(earlier);
    const ids = [...new Set(list.filter((n) => n.idNumber).map((n) => normalizeIdNumber(n.idNumber!)))].sort();
    const basis = ids.length ? `身份证号:${ids[0]}` : `首次:${nodeKey(list[0]!)}`;
    const key = `P${sha256Hex(`shuangping/person/${basis}`).slice(0, 16)}`;
    persons.set(key, list);
    keyOfRoot.set(root, key);
    for (const name of new Set(list.map((n) => nameKey(n.name)))) {
      const keys = byName.get(name);
      if (keys) keys.push(key);
      else byName.set(name, [key]);
    }
  }
  return {
    withName: (name) => byName.get(nameKey(name)) ?? [],
    keyOf: (node) => keyOfRoot.get(find(nodeKey(node))) ?? `P${sha256Hex(`shuangping/person/首次:${nodeKey(node)}`).slice(0, 16)}`,
    nodesOf: (key) => persons.get(key) ?? [],
    persons,
    node: (key) => byKey.get(key),
  };
}

/** A proposed match for a node: an earlier person with the same 姓名, and the same 派出单位 or not. */
export interface Proposal {
  personKey: string;
  /** the person's latest node: the one a link points to */
  node: PersonNode;
  basis: 'nameUnit' | 'name';
}

/**
 * The matches a person may confirm for a node (never applied unseen): persons of other
 * assessments with the same 姓名 and no node in this assessment yet, whose 身份证号 — where
 * both have one — is not another's. The same 派出单位 first, then the latest.
 */
export function proposalsFor(node: PersonNode, people: People): Proposal[] {
  const own = people.keyOf(node);
  const out: Proposal[] = [];
  for (const key of people.withName(node.name)) {
    const list = people.nodesOf(key);
    if (key === own || list.some((n) => n.assessmentId === node.assessmentId)) continue;
    const ids = list.filter((n) => n.idNumber).map((n) => normalizeIdNumber(n.idNumber!));
    if (node.idNumber && ids.length && !ids.includes(normalizeIdNumber(node.idNumber))) continue;
    const latest = list.at(-1)!;
    out.push({ personKey: key, node: latest, basis: list.some((n) => sameText(n.unit, node.unit)) ? 'nameUnit' : 'name' });
  }
  return out.sort((a, b) => (a.basis === b.basis ? b.node.year - a.node.year : a.basis === 'nameUnit' ? -1 : 1));
}

/** How a node stands: one person with others by 身份证号 or a link, confirmed new, or not yet looked at. */
export type NodeStatus = 'idNumber' | 'linked' | 'distinct' | 'alone';

export function statusOf(node: PersonNode, people: People, link: PersonLink | undefined): NodeStatus {
  const others = people.nodesOf(people.keyOf(node)).filter((n) => nodeKey(n) !== nodeKey(node));
  if (others.length) {
    const idMatch = !!node.idNumber && others.some((n) => n.idNumber && normalizeIdNumber(n.idNumber) === normalizeIdNumber(node.idNumber!));
    return idMatch && !link?.sameAs ? 'idNumber' : 'linked';
  }
  return link?.distinct ? 'distinct' : 'alone';
}
