// Development report: `node --import tsx test/extract/support/report.ts [set dirs...]`
import { extractEvents } from '../../../functions/extract/index.js';
import { loadSet, scoreSet } from './gold.js';

const dirs = process.argv.slice(2);
for (const dir of dirs.length > 0 ? dirs : ['../shared/seeds', '../shared/devset']) {
  const score = scoreSet(loadSet(dir), extractEvents);
  console.log(
    `== ${dir}: TP ${score.tp} FP ${score.fp} FN ${score.fn} F1 ${score.f1.toFixed(3)} fields ${score.fieldAverage.toFixed(3)}`,
  );
  for (const [f, v] of Object.entries(score.fields))
    if (v.total > 0)
      console.log(
        `   ${f.padEnd(17)} ${(v.correct / v.total).toFixed(2)} (${typeof v.correct === 'number' && v.total === 1 ? '' : `${v.correct}/${v.total}`})`,
      );
  for (const p of score.problems) console.log(`   ${p}`);
}
