/**
 * Leave-one-file-out test of an EXPERIMENTAL learned Fair Housing scorer (logistic regression,
 * fair-housing-lr-*.ts) against the rules (judgeByRules): for each Fair Housing file in the manifest the model
 * is trained on all the other files (plus the coach's non-compliance training turns as benign background,
 * fair-housing-background.ts) and the held-out file is judged by the rules, the model, and ways of joining them;
 * per file and pooled, the independent authors' files (sealed-1) pooled apart.
 *   node -r @swc-node/register tools/coach/cross-validate-fair-housing.ts [--l2 X] [--sweep]
 *        [--no-background] [--no-verdict] [--words-only]
 * Result at 9a1e883 (rules = the rules of 09e9b0a; caught / false alarms on sealed-1, 150 + 150):
 *   rules alone 84.7% / 8.7%. With background: rules OR p>=0.5 90.0% / 10.7%; p>=0.4 92.0% / 12.7%;
 *   p>=0.3 94.7% / 16.7%; a veto of rule hits at p<0.1/0.2 removes catches, not false alarms. Every added catch
 *   costs about one false alarm, at any L2 (0.001–0.03) and on words alone. Without background the model alone
 *   reached 92.7% / 6.0%, but it flagged the coach's own advice ("a nearby area", "whether they have kids")
 *   and broke the streaming guard's tests. The rules' verdict as a feature teaches the model only to copy the
 *   rules (they are in-sample on the files they were tuned on), so it is left out (--no-verdict is the default
 *   behaviour of the features). Not shipped: the guard stays rules-only.
 * Result at 8740fe0 (after the sealed-2 round; the rules are now in-sample on every file, so only the model's
 * column is held out): pooled 800 + 796, rules 100.0% / 0.1%; model alone p>=0.5 89.8% / 1.5%, p>=0.65
 * 75.8% / 0.3%; rules OR p>=0.5 100.0% / 1.5%, OR p>=0.8 100.0% / 0.3%. The model adds false alarms and no
 * catch, so it stays out; the honest check of the rules is fresh wording and the next sealed set.
 * Result after the sealed-6 round (each sealed-N file is one author, so each is held out with its author; pooled
 * per set and over all 18 independent authors, 900 + 900): model alone p>=0.5 on sealed-6's authors 92.0% / 2.0%
 * (90.7% / 2.0% before), all independent authors 96.2% / 2.1% (96.0% / 2.1%). The rules are in-sample on every
 * file (sealed-6 100.0% / 0.0%); their honest figure is each set's one scoring before tuning (sealed-6: 91.3% /
 * 6.7%) — for new authors expect that, not 100%.
 */
import * as path from 'node:path';
import { judgeByRules } from '../../subgraphs/coaching/coach/fair-housing-judge';
import { fairHousingFeatures } from './fair-housing-lr-features';
import { compileFairHousingModel, scoreFeatures } from './fair-housing-lr-model';
import { EVAL_MANIFEST } from './eval-manifest';
import { REPO_ROOT } from './eval-split';
import { loadFairHousingItems } from './fair-housing-items';
import { backgroundExamples } from './fair-housing-background';
import { DEFAULT_L2, trainFairHousingModel } from './train-fair-housing-lr';

interface Scored {
  file: string;
  steering: boolean;
  rule: boolean;
  p: number;
}

type Policy = [string, (s: Scored) => boolean];
const POLICIES: Policy[] = [
  ['rules', (s) => s.rule],
  ['model>=0.5', (s) => s.p >= 0.5],
  ['rules|p>=0.8', (s) => s.rule || s.p >= 0.8],
  ['rules|p>=0.5', (s) => s.rule || s.p >= 0.5],
  ['rules|p>=0.65', (s) => s.rule || s.p >= 0.65],
  ['model>=0.65', (s) => s.p >= 0.65],
  ['rules?p>=.3:p>=.5', (s) => (s.rule ? s.p >= 0.3 : s.p >= 0.5)],
  ['rules&!p<0.1', (s) => s.rule && s.p >= 0.1],
  ['rules&!p<0.2', (s) => s.rule && s.p >= 0.2],
  ['rules?p>=.2:p>=.8', (s) => (s.rule ? s.p >= 0.2 : s.p >= 0.8)],
];

function figures(items: Scored[], decide: (s: Scored) => boolean): string {
  const pos = items.filter((s) => s.steering);
  const neg = items.filter((s) => !s.steering);
  const caught = pos.filter(decide).length;
  const alarms = neg.filter(decide).length;
  const pct = (a: number, b: number): string => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;
  return `${pct(caught, pos.length)} (${caught}/${pos.length}) / ${pct(alarms, neg.length)} (${alarms}/${neg.length})`;
}

function main(): void {
  const l2Arg = process.argv.indexOf('--l2');
  const l2 = l2Arg > 0 ? Number(process.argv[l2Arg + 1]) : DEFAULT_L2;
  const drop = process.argv.includes('--no-verdict') ? ['rule:'] : [];
  if (process.argv.includes('--words-only'))
    drop.push('rule:', 'frame:', 'role:', 'cls:', 'counted', 'worship:');
  // never a SEALED file: its one scoring is the honest figure, and a fold would train on it
  const files = EVAL_MANIFEST.filter((e) => e.kind === 'FAIR_HOUSING' && e.split !== 'SEALED').map(
    (e) => e.path,
  );
  const data = files.map((f) =>
    loadFairHousingItems(path.resolve(REPO_ROOT, f)).map((i) => ({
      file: f,
      steering: i.expect === 'STEERING',
      rule: judgeByRules(i.text, { speaker: i.speaker }).steering,
      features: fairHousingFeatures(i.text, i.speaker).filter((f) => !drop.some((d) => f.startsWith(d))),
    })),
  );
  const background = process.argv.includes('--no-background') ? [] : backgroundExamples();
  const all: Scored[] = [];
  files.forEach((f, k) => {
    const train = [...data.filter((_, j) => j !== k).flat(), ...background];
    const model = compileFairHousingModel(trainFairHousingModel(train, l2));
    for (const d of data[k] ?? []) all.push({ ...d, p: scoreFeatures(model, d.features) });
  });
  console.log(`l2 ${l2}; caught / false alarms, each file held out`);
  const groups: [string, Scored[]][] = [
    ...files.map((f): [string, Scored[]] => [path.basename(f), all.filter((s) => s.file === f)]),
    ['POOLED all', all],
    // Each sealed-N file is one independent author, so holding a file out holds its author out.
    ...[...new Set(files.flatMap((f) => /sealed-\d+/.exec(f) ?? []))].map((set): [string, Scored[]] => [
      `POOLED ${set}`,
      all.filter((s) => s.file.includes(`${set}/`)),
    ]),
    ['POOLED independent authors', all.filter((s) => /sealed-\d+\//.test(s.file))],
  ];
  if (process.argv.includes('--sweep')) {
    const sealed = all.filter((s) => s.file.includes('sealed-1'));
    for (const t of [0.2, 0.25, 0.3, 0.35, 0.4, 0.5])
      for (const v of [0, 0.05, 0.1])
        console.log(
          `add>=${t} veto<${v}  all ${figures(all, (s) => (s.rule ? s.p >= v : s.p >= t))}  sealed ${figures(sealed, (s) => (s.rule ? s.p >= v : s.p >= t))}`,
        );
    return;
  }
  for (const [name, items] of groups) {
    console.log(name);
    for (const [pname, decide] of POLICIES) console.log(`  ${pname.padEnd(18)} ${figures(items, decide)}`);
  }
}

main();
