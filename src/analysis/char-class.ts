/**
 * A reader of one character class, one code unit at a time, for loops that used a /u pattern's
 * iterator: `pattern` tests one character (/^\p{L}$/u). Each code unit's answer is kept in a table
 * after its first test, each astral character's in a map.
 *
 * The reader returns how many code units the character at i takes when it is in the class (2 for
 * an astral one), 0 when it is not (a lone surrogate never is).
 */
export function charClassReader(pattern: RegExp): (text: string, i: number) => number {
  /** Per UTF-16 code unit outside surrogates: 0 not yet known, 1 in the class, 2 not. */
  const unitClass = new Uint8Array(0x10000);
  const astralClass = new Map<number, boolean>();
  return (text, i) => {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) {
      let known = unitClass[unit] as number;
      if (known === 0) unitClass[unit] = known = pattern.test(String.fromCharCode(unit)) ? 1 : 2;
      return known === 1 ? 1 : 0;
    }
    const point = text.codePointAt(i) as number;
    if (point <= 0xffff) return 0; // a lone surrogate
    let inClass = astralClass.get(point);
    if (inClass === undefined) astralClass.set(point, (inClass = pattern.test(String.fromCodePoint(point))));
    return inClass ? 2 : 0;
  };
}
