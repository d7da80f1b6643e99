import { type Request, type Response, Router } from 'express';
import type { PrincipalAccess, PrincipalsResponse, WorkloadInvokersResponse } from '../../shared/access.ts';
import type { AuditReport } from '../../shared/audit.ts';
import { type AccessIndex, accessIndex, isMember } from '../core/access.ts';
import type { Analysis } from '../core/analyze.ts';
import { auditReport } from '../core/audit-report.ts';
import { toCsv } from './csv.ts';
import { InputError, NotFoundError } from './errors.ts';
import { readySnapshot, type Snapshot, type SnapshotStore } from './snapshot-store.ts';

const RESOURCE_NAME = /^projects\/[^/]+\/locations\/[^/]+\/(services|jobs)\/[^/]+$/;

/** A file name part made of safe characters, from a snapshot time. */
const stamp = (snapshotAt: string) => snapshotAt.replace(/[^0-9TZ]/g, '');

/**
 * The security reviewer's routes (mounted under /api): who may invoke a workload, what a principal
 * may invoke, and exports of findings and access as CSV and JSON.
 *
 * - GET /access/principals               → PrincipalsResponse
 * - GET /access/principals.csv           → member,kind,broad,grants,mayInvoke,runsAs
 * - GET /access/principals/:member       → PrincipalAccess (?format=csv for its mayInvoke rows)
 * - GET /services/:name/invokers         → WorkloadInvokersResponse (:name URL-encoded as one segment)
 * - GET /services/:name/invokers.csv     → member,kind,broad,role,grantedOn
 * - GET /audit                           → AuditReport (counts per severity and project, notes, waivers)
 * - GET /findings.json, /findings.csv    → the same audit (JSON) or its findings (CSV), as downloads
 */
export function accessRouter(store: SnapshotStore): Router {
  const router = Router();
  // One index per snapshot, built on first use; dropped with the snapshot.
  const indexes = new WeakMap<Analysis, AccessIndex>();
  const ready = (): Snapshot & { index: AccessIndex } => {
    const snapshot = readySnapshot(store);
    let index = indexes.get(snapshot.analysis);
    if (!index) {
      index = accessIndex(snapshot.analysis);
      indexes.set(snapshot.analysis, index);
    }
    return { ...snapshot, index };
  };
  const workloadName = (name: string) => {
    if (!RESOURCE_NAME.test(name)) {
      throw new InputError(
        `"${name.slice(0, 200)}" is not a full resource name: expected projects/P/locations/L/services/S (or jobs/J), URL-encoded as one path segment`,
      );
    }
    return name;
  };
  const sendCsv = (res: Response, file: string, csv: string) => {
    res.attachment(file).type('text/csv; charset=utf-8').send(csv);
  };

  router.get('/access/principals', (_req, res: Response<PrincipalsResponse>) => {
    const { index, collectedAt } = ready();
    res.json({ snapshotAt: collectedAt, principals: index.principals() });
  });

  router.get('/access/principals.csv', (_req, res) => {
    const { index, collectedAt } = ready();
    const rows = index.principals().map((p) => [p.member, p.kind, p.broad, p.grants, p.mayInvoke, p.runsAs]);
    sendCsv(
      res,
      `runmap-principals-${stamp(collectedAt)}.csv`,
      toCsv(['member', 'kind', 'broad', 'grants', 'mayInvoke', 'runsAs'], rows),
    );
  });

  router.get(
    '/access/principals/:member',
    (req: Request<{ member: string }>, res: Response<PrincipalAccess>) => {
      const { member } = req.params;
      if (!isMember(member)) {
        throw new InputError(
          `"${member.slice(0, 200)}" is not an IAM member: expected serviceAccount:EMAIL, user:EMAIL, group:EMAIL, domain:DOMAIN, allUsers or allAuthenticatedUsers`,
        );
      }
      const format = req.query.format;
      if (format !== undefined && format !== 'json' && format !== 'csv') {
        throw new InputError('format must be json or csv');
      }
      const { index, collectedAt } = ready();
      const access = index.principal(member);
      if (format === 'csv') {
        const rows = access.mayInvoke.map((i) => [
          i.resource,
          i.kind,
          i.project,
          i.location,
          i.role ?? '',
          i.grantedOn ?? '',
          i.via,
        ]);
        sendCsv(
          res,
          `runmap-access-${member.replace(/[^A-Za-z0-9@._-]/g, '_').slice(0, 100)}-${stamp(collectedAt)}.csv`,
          toCsv(['resource', 'kind', 'project', 'location', 'role', 'grantedOn', 'via'], rows),
        );
        return;
      }
      res.json({ snapshotAt: collectedAt, ...access });
    },
  );

  const invokers = (name: string) => {
    const snapshot = ready();
    const list = snapshot.index.invokersOf(workloadName(name));
    const workload = snapshot.analysis.inventory.workloads.find((w) => w.name === name);
    if (!list || !workload) {
      throw new NotFoundError(`no service or job named ${name} in the snapshot of ${snapshot.collectedAt}`);
    }
    const project = snapshot.analysis.inventory.projects.find((p) => p.projectId === workload.project);
    return {
      snapshotAt: snapshot.collectedAt,
      resource: name,
      kind: workload.kind,
      invokers: list,
      invokerIamDisabled: workload.invokerIamDisabled,
      iapEnabled: workload.iapEnabled,
      iamPolicyKnown: workload.iamPolicy !== null && project !== undefined && project.iamPolicy !== null,
    };
  };

  router.get(
    '/services/:name/invokers',
    (req: Request<{ name: string }>, res: Response<WorkloadInvokersResponse>) => {
      res.json(invokers(req.params.name));
    },
  );

  router.get('/services/:name/invokers.csv', (req: Request<{ name: string }>, res) => {
    const body = invokers(req.params.name);
    const rows = body.invokers.map((i) => [i.member, i.kind, i.broad, i.role, i.grantedOn]);
    const short = body.resource.split('/').pop() ?? 'workload';
    sendCsv(
      res,
      `runmap-invokers-${short}-${stamp(body.snapshotAt)}.csv`,
      toCsv(['member', 'kind', 'broad', 'role', 'grantedOn'], rows),
    );
  });

  const audit = (): AuditReport => auditReport(ready().analysis);

  router.get('/audit', (_req, res: Response<AuditReport>) => {
    res.json(audit());
  });

  router.get('/findings.json', (_req, res: Response<AuditReport>) => {
    const report = audit();
    res.attachment(`runmap-findings-${stamp(report.snapshotAt)}.json`).json(report);
  });

  router.get('/findings.csv', (_req, res) => {
    const report = audit();
    const rows = report.findings.map((f) => [
      f.id,
      f.severity,
      f.ruleId,
      f.title,
      f.resource,
      f.resourceKind,
      f.project,
      f.location,
      f.message,
      f.evidence.map((e) => `${e.path} = ${e.value}`).join('\n'),
      f.remediation.gcloud,
      f.remediation.terraform,
      f.waiver ? 'waived' : f.expiredWaiver ? 'waiver expired' : 'open',
      f.waiver?.justification ?? f.expiredWaiver?.justification ?? '',
      f.waiver?.owner ?? f.expiredWaiver?.owner ?? '',
      f.waiver?.expires ?? f.expiredWaiver?.expires ?? '',
    ]);
    sendCsv(
      res,
      `runmap-findings-${stamp(report.snapshotAt)}.csv`,
      toCsv(
        [
          'id',
          'severity',
          'rule',
          'title',
          'resource',
          'resourceKind',
          'project',
          'location',
          'message',
          'evidence',
          'gcloud',
          'terraform',
          'status',
          'justification',
          'owner',
          'expires',
        ],
        rows,
      ),
    );
  });
  return router;
}
