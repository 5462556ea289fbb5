// A trie of phrases by their tokens' matching form: finding every entry that starts at a
// token costs one walk, however many entries there are.
import { phraseKeys, QUOTATION_MARKS, type Token } from './tokens.js';

/** The quotation marks an entry reads through: the double ones and an opening single one (not
 *  the closing single one, which is also the apostrophe of "leaders' retreat"). */
const QUOTES: ReadonlySet<string> = new Set([...QUOTATION_MARKS, '\u2018']);

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  value: T | undefined;
}

export class TokenTrie<T> {
  private readonly root: TrieNode<T> = { next: new Map(), value: undefined };

  add(phrase: string, value: T): void {
    let node = this.root;
    for (const key of phraseKeys(phrase)) {
      let child = node.next.get(key);
      if (child === undefined) {
        child = { next: new Map(), value: undefined };
        node.next.set(key, child);
      }
      node = child;
    }
    node.value ??= value; // the first entry listed wins
  }

  /** Whether some entry starts with this key: one map look-up that rules most tokens out. */
  startsWith(key: string): boolean {
    return this.root.next.has(key);
  }

  /** The longest entry starting at token `i` that `accept` takes. */
  longest(
    tokens: readonly Token[],
    i: number,
    accept: (value: T, length: number) => boolean = () => true,
  ): { value: T; length: number } | null {
    let node: TrieNode<T> | undefined = this.root;
    let best: { value: T; length: number } | null = null;
    for (let k = i; k < tokens.length && node !== undefined; k++) {
      // (past its first word, an entry reads through quotation marks: 'had a “good conversation” with')
      if (k > i && QUOTES.has(tokens[k]!.key)) continue;
      node = node.next.get(tokens[k]!.key);
      if (node?.value !== undefined && accept(node.value, k - i + 1))
        best = { value: node.value, length: k - i + 1 };
    }
    return best;
  }
}
