// The Vietnamese cues for visits and meetings (CONTRACT §3 types), and the markers that
// tell an announcement from a report. Works on the tokens' matching form.
import type { EventType } from '../domain/event.js';
import type { Token } from './tokens.js';

export type TriggerKind = 'visit' | 'meeting' | 'committee';

export interface Trigger {
  kind: TriggerKind;
  type: EventType;
  /** token span of the cue */
  first: number;
  end: number;
  /** the meeting needs a person right after the cue ("tiếp", "gặp") */
  needsObject: boolean;
  /** a noun ("cuộc hội đàm", "chuyến thăm") rather than a verb */
  noun: boolean;
}

/** Whether the tokens from `i` read `words` (a plain loop: this runs for every marker candidate). */
function seq(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  if (i + words.length > tokens.length) return false;
  for (let n = 0; n < words.length; n++) if (tokens[i + n]!.key !== words[n]) return false;
  return true;
}

// After "thăm": words that make it something other than a state visit abroad
const NOT_VISIT_AFTER = new Set(['hỏi', 'quan', 'dò', 'khám', 'nom', 'viếng', 'thú', 'lại', 'con', 'nhà', 'mộ', 'người', 'gia', 'bệnh']);
// Before "tiếp": compounds in which "tiếp" is not "receive"
const NOT_RECEIVE_BEFORE = new Set(['đón', 'trực', 'kế', 'liên', 'tiếp', 'chuyển', 'gián', 'nối', 'tiếp', 'tiền', 'đáp']);

/** Visit level written right after "thăm" (returns the type and how many tokens it takes). */
function visitLevel(tokens: readonly Token[], i: number): { type: EventType; length: number } {
  if (seq(tokens, i, ['chính', 'thức', 'cấp', 'nhà', 'nước'])) return { type: 'state_visit', length: 5 };
  if (seq(tokens, i, ['cấp', 'nhà', 'nước'])) return { type: 'state_visit', length: 3 };
  if (seq(tokens, i, ['nhà', 'nước'])) return { type: 'state_visit', length: 2 };
  if (seq(tokens, i, ['chính', 'thức'])) return { type: 'official_visit', length: 2 };
  if (seq(tokens, i, ['làm', 'việc'])) return { type: 'working_visit', length: 2 };
  if (seq(tokens, i, ['và', 'làm', 'việc'])) return { type: 'working_visit', length: 3 };
  return { type: 'visit', length: 0 };
}

// The words a cue can start with (the cases of the switch below): most tokens are none of
// them, and one set look-up rules a token out faster than the string cases of the switch.
const CUE_FIRST_WORDS = new Set(['thăm', 'công', 'hội', 'điện', 'chào', 'tiếp', 'gặp', 'kỳ', 'phiên', 'nói', 'trao']);

export function findTriggers(tokens: readonly Token[]): Trigger[] {
  const triggers: Trigger[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word || !CUE_FIRST_WORDS.has(t.key)) continue;
    const prev = tokens[i - 1]?.key;
    const noun = prev === 'cuộc' || prev === 'chuyến';
    switch (t.key) {
      case 'thăm': {
        const next = tokens[i + 1];
        if (next !== undefined && NOT_VISIT_AFTER.has(next.key)) break;
        if (prev === 'tham') break;
        const level = visitLevel(tokens, i + 1);
        triggers.push({ kind: 'visit', type: level.type, first: i, end: i + 1 + level.length, needsObject: false, noun });
        i += level.length;
        break;
      }
      case 'công':
        if (tokens[i + 1]?.key === 'du') { triggers.push({ kind: 'visit', type: 'visit', first: i, end: i + 2, needsObject: false, noun }); i++; }
        break;
      case 'hội':
        if (tokens[i + 1]?.key === 'đàm') {
          if (seq(tokens, i + 2, ['trực', 'tuyến']) || seq(tokens, i + 2, ['qua', 'video'])) {
            triggers.push({ kind: 'meeting', type: 'video_call', first: i, end: i + 4, needsObject: false, noun }); i += 3;
          } else if (seq(tokens, i + 2, ['qua', 'điện', 'thoại'])) {
            triggers.push({ kind: 'meeting', type: 'phone_call', first: i, end: i + 5, needsObject: false, noun }); i += 4;
          } else {
            triggers.push({ kind: 'meeting', type: 'talks', first: i, end: i + 2, needsObject: false, noun }); i++;
          }
        } else if (tokens[i + 1]?.key === 'kiến') {
          const video = seq(tokens, i + 2, ['trực', 'tuyến']);
          triggers.push({ kind: 'meeting', type: video ? 'video_call' : 'courtesy_call', first: i, end: i + (video ? 4 : 2), needsObject: false, noun });
          i += video ? 3 : 1;
        }
        break;
      case 'điện':
        if (tokens[i + 1]?.key === 'đàm') {
          const video = seq(tokens, i + 2, ['trực', 'tuyến']);
          triggers.push({ kind: 'meeting', type: video ? 'video_call' : 'phone_call', first: i, end: i + (video ? 4 : 2), needsObject: false, noun });
          i += video ? 3 : 1;
        }
        break;
      case 'chào':
        if (seq(tokens, i + 1, ['xã', 'giao']) || seq(tokens, i + 1, ['từ', 'biệt'])) {
          triggers.push({ kind: 'meeting', type: 'courtesy_call', first: i, end: i + 3, needsObject: false, noun }); i += 2;
        }
        break;
      case 'tiếp':
        if (prev !== undefined && NOT_RECEIVE_BEFORE.has(prev)) break;
        if (seq(tokens, i + 1, ['xã', 'giao'])) { triggers.push({ kind: 'meeting', type: 'courtesy_call', first: i, end: i + 3, needsObject: true, noun: false }); i += 2; break; }
        triggers.push({ kind: 'meeting', type: 'courtesy_call', first: i, end: i + 1, needsObject: true, noun: false });
        break;
      case 'gặp': {
        if (seq(tokens, i + 1, ['cấp', 'cao'])) {
          triggers.push({ kind: 'meeting', type: 'high_level_meeting', first: i, end: i + 3, needsObject: false, noun }); i += 2;
          break;
        }
        let end = i + 1;
        if (tokens[end]?.key === 'gỡ' || tokens[end]?.key === 'mặt' || tokens[end]?.key === 'riêng') end++;
        const video = seq(tokens, end, ['trực', 'tuyến']);
        if (video) end += 2;
        triggers.push({ kind: 'meeting', type: video ? 'video_call' : 'meeting', first: i, end, needsObject: !noun, noun });
        i = end - 1;
        break;
      }
      case 'kỳ':
      case 'phiên':
        if (tokens[i + 1]?.key === 'họp') {
          triggers.push({ kind: 'committee', type: 'committee_session', first: i, end: i + 2, needsObject: false, noun: true }); i++;
        }
        break;
      case 'nói':
      case 'trao':
        // "nói chuyện điện thoại", "trao đổi qua điện thoại", "trao đổi điện thoại"
        if ((seq(tokens, i + 1, ['chuyện', 'điện', 'thoại']) || seq(tokens, i + 1, ['đổi', 'điện', 'thoại']))) {
          triggers.push({ kind: 'meeting', type: 'phone_call', first: i, end: i + 4, needsObject: false, noun }); i += 3;
        } else if (seq(tokens, i + 1, ['đổi', 'qua', 'điện', 'thoại'])) {
          triggers.push({ kind: 'meeting', type: 'phone_call', first: i, end: i + 5, needsObject: false, noun }); i += 4;
        }
        break;
      default:
        break;
    }
  }
  return triggers;
}

/** Where the committee's name starts after "kỳ họp" (index of "Ủy"), or -1: "kỳ họp lần thứ 25 (của) Ủy ban liên Chính phủ". */
export function isCommitteeName(tokens: readonly Token[], from: number): number {
  for (let k = from; k < tokens.length && k < from + 8; k++) {
    const key = tokens[k]!.key;
    if (key === 'ủy' && tokens[k + 1]?.key === 'ban') return k;
    if (key === 'quốc' && tokens[k + 1]?.key === 'hội') return -1;
    if (!tokens[k]!.word && tokens[k]!.text !== '-') return -1;
  }
  return -1;
}

const FUTURE = [['sẽ'], ['dự', 'kiến'], ['theo', 'chương', 'trình'], ['theo', 'kế', 'hoạch'], ['sắp'], ['chuẩn', 'bị'], ['sắp', 'tới'], ['nhận', 'lời', 'mời'], ['trong', 'thời', 'gian', 'tới'], ['tới', 'đây']];
const PAST = [['đã'], ['vừa'], ['đang'], ['vừa', 'qua'], ['kết', 'thúc']];
// Phrases that make a visit mention a past precedent rather than a reported event
const PRECEDENT = [['lần', 'thứ'], ['các', 'chuyến'], ['nhiều', 'chuyến'], ['những', 'chuyến'], ['trước', 'đây'], ['từng'], ['trước', 'đó'], ['năm', 'ngoái'], ['lịch', 'sử'], ['sớm']];

/** The marker phrases a word can start, by kind. */
interface MarkersFrom {
  future: string[][];
  past: string[][];
  precedent: string[][];
}

/** Marker phrases by their first word, so that a token is looked up once and checked only against the phrases it can start. */
const MARKERS_BY_FIRST_WORD = new Map<string, MarkersFrom>();
for (const [kind, phrases] of [['future', FUTURE], ['past', PAST], ['precedent', PRECEDENT]] as const) {
  for (const p of phrases) {
    let entry = MARKERS_BY_FIRST_WORD.get(p[0]!);
    if (entry === undefined) { entry = { future: [], past: [], precedent: [] }; MARKERS_BY_FIRST_WORD.set(p[0]!, entry); }
    entry[kind].push(p);
  }
}

/**
 * Where the tense and precedent markers of a sentence start: a sentence has several cues,
 * each asking about a window of tokens, so the sentence is read once (one look-up per
 * token) and a window is checked against the few marker positions.
 */
export class MarkerIndex {
  private readonly future: number[] = [];
  private readonly past: number[] = [];
  private readonly precedent: number[] = [];

  constructor(tokens: readonly Token[]) {
    for (let k = 0; k < tokens.length; k++) {
      const from = MARKERS_BY_FIRST_WORD.get(tokens[k]!.key);
      if (from === undefined) continue;
      if (startsAny(tokens, k, from.future)) this.future.push(k);
      if (startsAny(tokens, k, from.past)) this.past.push(k);
      if (startsAny(tokens, k, from.precedent)) this.precedent.push(k);
    }
  }

  /** Future and past markers starting in the token window [from, to) (the clause around a cue). */
  tense(from: number, to: number): { future: boolean; past: boolean } {
    return { future: MarkerIndex.any(this.future, from, to), past: MarkerIndex.any(this.past, from, to) };
  }

  /** Whether a precedent marker starts in the token window [from, to). */
  precedentIn(from: number, to: number): boolean {
    return MarkerIndex.any(this.precedent, from, to);
  }

  private static any(starts: readonly number[], from: number, to: number): boolean {
    for (const k of starts) if (k >= from && k < to) return true;
    return false;
  }
}

function startsAny(tokens: readonly Token[], k: number, phrases: readonly string[][]): boolean {
  for (const p of phrases) if (seq(tokens, k, p)) return true;
  return false;
}
