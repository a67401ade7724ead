import { Command, Option } from 'commander';
import type { AuditListQuery } from '../../features/access/grants.service.js';
import { isoTime, withStore } from '../admin-support.js';
import type { CliOutput, CliRuntime } from '../cli-runtime.js';
import { positiveIntOption } from '../options.js';
import { formatTable } from '../table.js';

/** `audit …`: the tamper-evident trail of who did what. */
export const auditCommand = (runtime: CliRuntime, io: CliOutput): Command => {
  const audit = new Command('audit').description('The audit trail');

  audit
    .command('list', { isDefault: true })
    .description('Audit records, newest first')
    .option('--tenant <id>', 'only records of this tenant')
    .option('--actor <actor>', 'only this actor, e.g. user:<id>, key:<id> or cli:<os user>')
    .option('--action <prefix>', 'only actions starting with this, e.g. admin.user')
    .addOption(
      new Option('--result <result>', 'only this result').choices(['success', 'failure', 'denied']),
    )
    .option('--limit <n>', 'how many', positiveIntOption, 50)
    .action(
      async (options: {
        tenant?: string;
        actor?: string;
        action?: string;
        result?: AuditListQuery['result'];
        limit: number;
      }) => {
        const page = await withStore(runtime, (s) =>
          s.grants.listAudit(
            s.caller.principal,
            {
              tenantId: options.tenant,
              actor: options.actor,
              action: options.action,
              result: options.result,
              limit: options.limit,
            },
            s.caller.context,
          ),
        );
        io.out.write(
          formatTable(
            ['seq', 'time', 'actor', 'tenant', 'action', 'resource', 'result'],
            page.items.map((r) => [
              r.seq,
              isoTime(r.atMs),
              r.actor,
              r.tenantId,
              r.action,
              r.resourceId === null ? r.resourceType : `${r.resourceType}:${r.resourceId}`,
              r.result,
            ]),
          ),
        );
      },
    );

  audit
    .command('verify')
    .description(
      'Check the hash chain of the whole trail; exits 1 if any record was changed or removed',
    )
    .action(async () => {
      const report = await withStore(runtime, (s) =>
        s.grants.verifyAudit(s.caller.principal, s.caller.context),
      );
      if (report.ok) {
        io.out.write(
          report.checked === 0
            ? 'Audit trail intact: no records yet.\n'
            : `Audit trail intact: ${report.checked} records checked from #${report.anchor.seq + 1} ` +
                `to #${report.head?.seq ?? report.anchor.seq + report.checked}.\n`,
        );
        return;
      }
      for (const problem of report.problems) {
        io.out.write(`#${problem.seq} ${problem.problem}: ${problem.detail}\n`);
      }
      io.err.write(
        `Audit trail broken: ${report.problems.length} problem(s) in ${report.checked} records checked.\n`,
      );
      process.exitCode = 1;
    });
  return audit;
};
