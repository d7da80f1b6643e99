import { describe, expect, it } from 'vitest';
import { displaySegments, displayText, hasHiddenCharacters, truncateSegments } from './display-text.ts';

describe('displayText', () => {
  it.each([
    ['plain text', 'orders-api', 'orders-api'],
    ['a right-to-left override', 'admin\u202Emoc.elpmaxe@evil.com', 'admin⟨U+202E⟩moc.elpmaxe@evil.com'],
    [
      'isolates and a zero-width space',
      'pay\u200Bments\u2066-isolate\u2069',
      'pay⟨U+200B⟩ments⟨U+2066⟩-isolate⟨U+2069⟩',
    ],
    ['LRM, RLM and the Arabic letter mark', 'a\u200Eb\u200Fc\u061Cd', 'a⟨U+200E⟩b⟨U+200F⟩c⟨U+061C⟩d'],
    ['embeddings and pops', '\u202A\u202B\u202C\u202D', '⟨U+202A⟩⟨U+202B⟩⟨U+202C⟩⟨U+202D⟩'],
    ['joiners, word joiner and BOM', '\u200C\u200D\u2060\uFEFF', '⟨U+200C⟩⟨U+200D⟩⟨U+2060⟩⟨U+FEFF⟩'],
    ['control characters but not newline or tab', 'a\u0007b\nc\td\u0085', 'a⟨U+0007⟩b\nc\td⟨U+0085⟩'],
    ['a tag character (astral)', 'x\u{E0041}y', 'x⟨U+E0041⟩y'],
    ['emoji and accents untouched', 'café 🚀 日本', 'café 🚀 日本'],
    ['markup stays text', '<script>alert(1)</script>', '<script>alert(1)</script>'],
  ])('shows %s', (_name, input, expected) => {
    expect(displayText(input)).toBe(expected);
  });

  it('leaves no bidi or zero-width character in its output', () => {
    const all = `${Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x2000 + i)).join('')}\u061C\uFEFF`;
    expect(displayText(all)).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\u061C\uFEFF]/);
  });

  it('says whether a string hides characters', () => {
    expect(hasHiddenCharacters('admin\u202Eevil')).toBe(true);
    expect(hasHiddenCharacters('admin')).toBe(false);
    // twice in a row: no regex state leaks between calls
    expect(hasHiddenCharacters('a\u200Bb')).toBe(true);
    expect(hasHiddenCharacters('a\u200Bb')).toBe(true);
  });
});

describe('displaySegments', () => {
  it('splits text and markers', () => {
    expect(displaySegments('a\u202Eb')).toEqual([
      { text: 'a', marker: false },
      { text: '⟨U+202E⟩', marker: true },
      { text: 'b', marker: false },
    ]);
    expect(displaySegments('')).toEqual([]);
  });
});

describe('truncateSegments', () => {
  it('keeps short text whole', () => {
    expect(truncateSegments(displaySegments('short'), 10)).toEqual({
      segments: [{ text: 'short', marker: false }],
      truncated: false,
    });
  });

  it('cuts long text at the limit', () => {
    const { segments, truncated } = truncateSegments(displaySegments('x'.repeat(10_240)), 200);
    expect(truncated).toBe(true);
    expect(segments.map((s) => s.text).join('')).toHaveLength(200);
  });

  it('never cuts a marker or a surrogate pair in half', () => {
    expect(truncateSegments(displaySegments('abc\u202Edef'), 5).segments).toEqual([
      { text: 'abc', marker: false },
    ]);
    expect(truncateSegments(displaySegments('ab🚀'), 3).segments).toEqual([{ text: 'ab', marker: false }]);
  });
});
