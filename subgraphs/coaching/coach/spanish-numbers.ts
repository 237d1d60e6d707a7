/**
 * Spanish numbers, rewritten as the digits and English scale words the slot patterns read:
 * "trescientos cincuenta mil" → "350000", "400 mil" → "400 thousand", "medio millón" → "500000",
 * "un millón y medio" → "1500000", "1,2 millones" → "1.2 million", "$350.000" → "$350,000",
 * "tres recámaras" → "3 recámaras". Pure functions, no I/O.
 */

/** Word values; keys have no accents (callers strip them). */
const VALUES: Record<string, number> = {
  cero: 0,
  uno: 1,
  una: 1,
  un: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiun: 21,
  veintiuno: 21,
  veintidos: 22,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
  cien: 100,
  ciento: 100,
  doscientos: 200,
  doscientas: 200,
  trescientos: 300,
  trescientas: 300,
  cuatrocientos: 400,
  cuatrocientas: 400,
  quinientos: 500,
  quinientas: 500,
  seiscientos: 600,
  seiscientas: 600,
  setecientos: 700,
  setecientas: 700,
  ochocientos: 800,
  ochocientas: 800,
  novecientos: 900,
  novecientas: 900,
};

/** Lowercase and without accents, so "recámaras" and "recamaras" read alike. */
export function fold(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Number words that alone are an article or an English word ("una casa", "once we sell"). */
const LONE_WORDS = new Set(['un', 'una', 'once']);

/** Value of a run of Spanish number words (digits allowed: "1 millon 200 mil"); null when it is not a number. */
export function parseSpanishNumber(words: string[]): number | null {
  const ws = words.map(fold).filter((w) => w !== 'y');
  if (ws.length === 0) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of ws) {
    const v = /^\d+(?:\.\d+)?$/.test(w) ? Number(w) : VALUES[w];
    if (v !== undefined) {
      current += v;
      seen = true;
    } else if (w === 'mil') {
      total += (seen && current > 0 ? current : 1) * 1000;
      current = 0;
      seen = true;
    } else if (w === 'millon' || w === 'millones') {
      total = (total + (current > 0 ? current : 1)) * 1_000_000;
      current = 0;
      seen = true;
    } else return null;
  }
  return seen ? total + current : null;
}

const NUMBER_WORD = new RegExp(`^(?:${Object.keys(VALUES).join('|')}|mil|millon|millones|\\d+(?:\\.\\d+)?)$`);

/** Rewrites runs of Spanish number words as digits; a lone article ("una casa") stays a word. */
function numberRuns(text: string): string {
  return text.replace(/[\p{L}\d]+(?:\.\d+)?(?:[ \t]+[\p{L}\d]+(?:\.\d+)?)*/gu, (match) => {
    const words = match.split(/\s+/);
    const out: string[] = [];
    let buf: string[] = [];
    const flush = (): void => {
      while (buf.length > 0 && fold(buf[buf.length - 1] ?? '') === 'y') out.push(...buf.splice(-1));
      // A run needs a spelled number: "1.2 mil" (digits and the English "mil") keeps its English reading.
      const spelled = buf.some((w) => !/^\d/.test(w) && fold(w) !== 'mil' && fold(w) !== 'y');
      const alone = buf.length === 1 && LONE_WORDS.has(fold(buf[0] ?? ''));
      const value = spelled && !alone ? parseSpanishNumber(buf) : null;
      if (value === null) out.push(...buf);
      else out.push(String(value));
      buf = [];
    };
    words.forEach((w, i) => {
      const f = fold(w);
      const next = fold(words[i + 1] ?? '');
      const joins = f === 'y' && buf.length > 0 && NUMBER_WORD.test(next) && !/^\d/.test(next);
      // An article before digits is no number of its own: "es un 3 flat" is a three-flat, not 1 + 3.
      if (/^\d/.test(f) && buf.length === 1 && LONE_WORDS.has(fold(buf[0] ?? ''))) flush();
      if (NUMBER_WORD.test(f) || joins) buf.push(w);
      else {
        flush();
        out.push(w);
      }
    });
    flush();
    return out.join(' ');
  });
}

/**
 * Spanish money and counts as the English patterns read them. Decimal commas ("1,2 millones") and
 * dot thousands ("$350.000") become English notation first.
 */
export function normalizeSpanishNumbers(text: string): string {
  const out = text
    // "el 5 por ciento" is a rate: "ciento" there is no hundred.
    .replace(/\bpor\s+ciento\b/gi, 'percent')
    .replace(/\b(\d{1,3}(?:\.\d{3})+)(?![\d,]|\.\d)/g, (m) => m.replace(/\./g, ','))
    .replace(/\b(\d+),(\d{1,2})(?=\s*(?:millones|mill[oó]n|mdd|m\b))/gi, '$1.$2')
    .replace(/\bmedio\s+mill[oó]n\b/gi, '500000')
    .replace(/\b(?:un|1)\s+mill[oó]n\s+y\s+medio\b/gi, '1500000')
    .replace(/\b(\d+)\s+millones\s+y\s+medio\b/gi, (_m, n: string) => `${n}.5 million`)
    // Digits with a Spanish scale: "400 mil" is 400 thousand; "1.2 mil" keeps the English reading (million).
    .replace(/\b(\d+(?:\.\d+)?)\s+mil\b/gi, (m, n: string) => (Number(n) >= 10 ? `${n} thousand` : m))
    .replace(/\b(\d+(?:\.\d+)?)\s+(?:millones|mill[oó]n)(?![\p{L}])/giu, '$1 million');
  return numberRuns(out);
}
