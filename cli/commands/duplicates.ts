import { reasonText } from '../../shared/duplicates/reasons';
import { call, unlocked, type CliContext, type Command } from '../context';
import { printJson } from '../output';

export const duplicateUsage = `  persons duplicates [--json] [--full] [--possible]
                                        likely duplicates, best first: {"a", "b", "score", "reasons"} (brings the queue up to date first;
                                        --full rescans everyone; --possible adds the possible ones, which the records alone do not settle)
  persons merge A B                     record that persons A and B are one person
  persons not-same A B                  record that A and B are different people
  persons unmerge A B                   undo the merge of A and B`;

const pair = { min: 2, max: 2, what: 'two person ids' };

async function decide(ctx: CliContext, method: 'persons.merge' | 'persons.notSame' | 'persons.unmerge', done: string): Promise<void> {
  const [a, b] = ctx.args as [string, string];
  await unlocked(ctx.backend);
  const result = await call(ctx.backend, method, { a, b });
  if (ctx.flags.json) printJson(result);
  else process.stdout.write(`${done}\n`);
}

export const duplicateCommands: Record<string, Command> = {
  'persons duplicates': {
    async run({ flags, backend }) {
      await unlocked(backend);
      await call(backend, 'duplicates.scan', { full: flags.full });
      const rows = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await call(backend, 'duplicates.list', { offset, limit: 1000, ...(flags.possible ? {} : { band: 'likely' as const }) });
        rows.push(...page.rows);
        if (offset + 1000 >= page.total) break;
      }
      rows.sort((l, r) => r.score - l.score || (l.a.id < r.a.id ? -1 : l.a.id > r.a.id ? 1 : l.b.id < r.b.id ? -1 : 1));
      if (flags.json) {
        printJson(rows.map((r) => ({ a: r.a.id, b: r.b.id, score: r.score, reasons: r.reasons.map((reason) => ({ ...reason, text: reasonText(reason) })) })));
        return;
      }
      const lines = rows.map((r) => `${r.score.toFixed(3)}  ${r.a.id}  ${r.b.id}  ${r.a.displayName} / ${r.b.displayName}  (${r.reasons.map(reasonText).join('; ')})`);
      process.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    },
  },
  'persons merge': { args: pair, run: (ctx) => decide(ctx, 'persons.merge', 'Merged.') },
  'persons not-same': { args: pair, run: (ctx) => decide(ctx, 'persons.notSame', 'Marked as not the same person.') },
  'persons unmerge': { args: pair, run: (ctx) => decide(ctx, 'persons.unmerge', 'Unmerged.') },
};
