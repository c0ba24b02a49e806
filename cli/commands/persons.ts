import { call, printIds, readJsonStdin, unlocked, type Command } from '../context';
import { printJson } from '../output';

export const personUsage = `  persons add [--json]             read one person or an array {"name", "birthDate"?, "region"?} from stdin
  persons list [--json] [--search TEXT]`;

export const personCommands: Record<string, Command> = {
  'persons add': {
    async run(ctx) {
      const input = await readJsonStdin();
      await unlocked(ctx.backend);
      const { ids } = await call(ctx.backend, 'persons.createMany', { persons: (Array.isArray(input) ? input : [input]) as never });
      printIds(ctx, ids);
    },
  },
  'persons list': {
    async run({ flags, backend }) {
      await unlocked(backend);
      const rows = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await call(backend, 'persons.list', { offset, limit: 1000, ...(flags.search ? { search: flags.search } : {}) });
        rows.push(...page.rows);
        if (page.rows.length < 1000) break;
      }
      if (flags.json) printJson(rows);
      else process.stdout.write(`${rows.map((p) => [p.id, p.birthDate ?? '', p.displayName, p.latinName].join('  ')).join('\n')}\n`);
    },
  },
};
