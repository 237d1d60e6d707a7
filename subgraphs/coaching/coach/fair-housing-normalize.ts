/** The one normalization every Fair Housing judgement (rules and learned model alike) reads text through. */

/** Lower case, straight apostrophes, every whitespace character one space: same length as the input. */
export function normalizeForJudgement(text: string): string {
  return (
    text
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/\s/g, ' ')
      .replace(/[\u201c\u201d"]|(?<![a-z])'|'(?![a-z])/gi, ' ')
      // A texted pause ("it's more... diverse, let's say") ends no sentence and joins the words around it.
      .replace(/\u2026|\.{2,}(?=\s*[a-z,])/gi, (dots) => ' '.repeat(dots.length))
      .toLowerCase()
  );
}
