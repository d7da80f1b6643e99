/**
 * Untrusted text (names, labels, env names, IAM members, log text) made inert and readable:
 * bidi controls, zero-width and other invisible characters are shown as visible markers such as
 * ⟨U+202E⟩ instead of being obeyed or hidden, so `admin\u202Emoc.elpmaxe@evil.com` cannot pass for
 * `adminlive@example.com`. React already escapes markup; this handles what escaping cannot.
 */

/**
 * Characters that reorder or hide text: C0/C1 controls (but tab and newline), soft hyphen, the
 * Arabic letter mark, Hangul fillers, Mongolian vowel separator, zero-width space/joiners, LRM/RLM,
 * line/paragraph separators, bidi embeddings, overrides and isolates, invisible operators,
 * deprecated format characters, the BOM, interlinear annotations and tag characters.
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDC7F]/g;

/** The visible stand-in for an invisible character, e.g. `⟨U+202E⟩`. */
export function codePointMarker(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/** One run of a displayed string: plain text, or the marker of one invisible character. */
export type TextSegment = { text: string; marker: boolean };

/** `value` as runs of text and markers, for rendering markers distinctly. Pure. */
export function displaySegments(value: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of value.matchAll(INVISIBLE)) {
    const index = match.index ?? 0;
    if (index > last) segments.push({ text: value.slice(last, index), marker: false });
    segments.push({ text: codePointMarker(match[0]), marker: true });
    last = index + match[0].length;
  }
  if (last < value.length) segments.push({ text: value.slice(last), marker: false });
  return segments;
}

/** `value` with every bidi control and invisible character replaced by its visible marker. Pure. */
export function displayText(value: string): string {
  return value.replace(INVISIBLE, codePointMarker);
}

/** True when `value` holds a character that displayText would mark. */
export function hasHiddenCharacters(value: string): boolean {
  return new RegExp(INVISIBLE.source).test(value);
}

/**
 * The first `max` characters of the displayed segments (markers are never cut in half, nor are
 * surrogate pairs); `truncated` says whether anything was left out.
 */
export function truncateSegments(
  segments: readonly TextSegment[],
  max: number,
): { segments: TextSegment[]; truncated: boolean } {
  const kept: TextSegment[] = [];
  let used = 0;
  for (const segment of segments) {
    const room = max - used;
    if (room <= 0) return { segments: kept, truncated: true };
    if (segment.text.length <= room) {
      kept.push(segment);
      used += segment.text.length;
      continue;
    }
    if (segment.marker) return { segments: kept, truncated: true };
    let end = room;
    const code = segment.text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end -= 1; // keep a surrogate pair whole
    if (end > 0) kept.push({ text: segment.text.slice(0, end), marker: false });
    return { segments: kept, truncated: true };
  }
  return { segments: kept, truncated: false };
}
