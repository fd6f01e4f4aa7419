/**
 * Consequences carried forward (docs/method.md §11.3): for the secretaries of the
 * assessment of year Y, what their earlier years' grades and recalls still impose on
 * 31 December of Y — 两年内不得提拔重用 until a date, 取消年度评优资格 this year — and which
 * of them keep the secretary from 优秀 (those enter the method as `carried`).
 */
import type { CarriedBlock } from '../method/input';
import type { Grade, Policy } from '../model';
import { carriedReason, inForceIn, occurrencesOf, type Occurrence, type Recall } from './consequences';
import { nodeKey, type People, type PersonNode } from './persons';

/** One year of a person's history: the node, the grade that stands, the recalls, and the policy they fall under. */
export interface PersonYear {
  node: PersonNode;
  assessmentName: string;
  policy: Policy;
  /** the grade that stands (the review meeting's decision, or the computed one); null when unknown */
  grade: Grade | null;
  /** the grade the method computed, when a decision changed it */
  computedGrade?: Grade | undefined;
  recalls: Recall[];
  /** 审批日期 of the year's results, when entered */
  approvedAt?: string | undefined;
  /** 定稿, or a past result: no longer changes */
  final: boolean;
}

export const occurrencesOfYear = (y: PersonYear): Occurrence[] =>
  occurrencesOf(y.policy, { year: y.node.year, grade: y.grade, approvedAt: y.approvedAt, mode: y.node.mode, recalls: y.recalls });

/** What a secretary of the assessment carries into it. */
export interface CarriedLine {
  /** 编号 in the assessment */
  id: string;
  name: string;
  personKey: string;
  occurrences: Occurrence[];
}

/** Every secretary of `nodes` (one assessment of `year`) carrying a consequence of an earlier year, in the order of `nodes`. */
export function carriedInto(year: number, nodes: readonly PersonNode[], people: People, history: ReadonlyMap<string, PersonYear>): CarriedLine[] {
  const lines: CarriedLine[] = [];
  for (const node of nodes) {
    const personKey = people.keyOf(node);
    const occurrences = people
      .nodesOf(personKey)
      .filter((n) => n.year < year)
      .flatMap((n) => {
        const y = history.get(nodeKey(n));
        return y ? occurrencesOfYear(y).filter((o) => inForceIn(o, year)) : [];
      });
    if (occurrences.length) lines.push({ id: node.id, name: node.name, personKey, occurrences });
  }
  return lines;
}

/** What the method takes of the carried consequences: those that keep a secretary from 优秀, with their reasons. */
export function carriedBlocks(lines: readonly CarriedLine[]): CarriedBlock[] {
  return lines.flatMap((l) => l.occurrences.filter((o) => o.blocksExcellent).map((o) => ({ id: l.id, reason: carriedReason(o) })));
}
