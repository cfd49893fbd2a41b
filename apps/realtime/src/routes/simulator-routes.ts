import { z } from 'zod';
import { ApiErrorSchema, SimulatorScenarioRequestSchema, StagedScenarioSchema } from '@safetwin/protocol';
import type { ErrorCode, LeakChemical, SimulatorScenarioRequest, StagedScenarioView } from '@safetwin/protocol';
// Types only: a production hub (no demo) never loads the simulator.
import type { Simulator, StagedScenario } from '@safetwin/simulator';
import { canSeeDevice, canSeeSite } from '../auth/access.ts';
import { HubError, notFound } from '../errors.ts';
import { requireUser, type RouteDeps, type ZodApp } from './context.ts';

/** Roles that may stage scenarios on the demo sites (drills); everyone may list what they can see. */
const STAGERS = ['commander', 'drill-planner'] as const;

/** What the routes need of the running demo gateway: its engine. */
export type SimulatorHandle = { readonly simulator: Pick<Simulator, 'stage' | 'staged'> };

/** The engine's error codes as HTTP answers (the codes are the same strings). */
const ENGINE_ERRORS: Readonly<Record<string, { code: ErrorCode; status: number }>> = {
  'simulator:unknown-device': { code: 'simulator:unknown-device', status: 404 },
  'simulator:wrong-site': { code: 'simulator:wrong-site', status: 422 },
  'simulator:wrong-device': { code: 'simulator:wrong-device', status: 422 },
  'simulator:bad-scenario': { code: 'simulator:bad-scenario', status: 422 },
  'simulator:not-implemented': { code: 'simulator:not-implemented', status: 422 },
};

const ListQuery = z.object({ siteId: z.string().min(1).max(64).optional().describe('only this site (default: every site the user may see)') });
const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema };

/**
 * POST /simulator/scenarios (stage a methane rise, a sensor dropout or a leak on the running demo
 * simulator) and GET /simulator/scenarios?siteId= (what is staged). Demo mode with the
 * simulator running only: 409 `simulator:not-running` otherwise.
 */
export function simulatorRoutes(app: ZodApp, deps: RouteDeps, gateway: () => SimulatorHandle | null): void {
  /** The running engine, or a 409. */
  const engine = (): SimulatorHandle['simulator'] => {
    let running: SimulatorHandle | null;
    try {
      running = gateway();
    } catch (err) {
      // The hub declares its gateway after the routes; a request in between finds none running.
      if (!(err instanceof ReferenceError)) throw err;
      running = null;
    }
    if (!running) {
      throw new HubError('simulator:not-running', 'the demo simulator is not running on this hub: it runs in demo mode with SAFETWIN_SIMULATOR on (or is still starting)', 409);
    }
    return running.simulator;
  };

  app.post(
    '/simulator/scenarios',
    {
      schema: {
        tags: ['simulator'],
        summary: 'Stage a scenario on the running demo simulator (drills, browser tests): a methane rise on a CH4 sensor, a device that falls silent and resumes, or a leak at a park item whose cloud (plume model) drives the gas detectors',
        body: SimulatorScenarioRequestSchema,
        response: { 201: z.object({ scenario: StagedScenarioSchema }), ...errors },
      },
    },
    async (request, reply) => {
      const user = await requireUser(deps, request, STAGERS);
      const body = request.body;
      const simulator = engine();
      if (!deps.registry.site(body.siteId) || !canSeeSite(user, body.siteId)) throw notFound(`no site '${body.siteId}'`);
      const staged = stageOrExplain(simulator, body);
      request.log.info(`${user.username} staged ${staged.scenario.kind} ${staged.id} on ${targetOf(staged)} (${staged.siteId}), ${new Date(staged.startMs).toISOString()} for ${body.durationS} s`);
      return reply.code(201).send({ scenario: viewOf(staged) });
    },
  );

  app.get(
    '/simulator/scenarios',
    {
      schema: {
        tags: ['simulator'],
        summary: 'Scenarios staged on the running demo simulator on devices the user may see, newest first',
        querystring: ListQuery,
        response: { 200: z.object({ scenarios: z.array(StagedScenarioSchema) }), ...errors },
      },
    },
    async (request) => {
      const user = await requireUser(deps, request);
      const { siteId } = request.query;
      if (siteId !== undefined && (!deps.registry.site(siteId) || !canSeeSite(user, siteId))) throw notFound(`no site '${siteId}'`);
      const visible = engine()
        .staged()
        .filter((s) => {
          const device = visibilityOf(s, deps);
          return (siteId === undefined || s.siteId === siteId) && device !== undefined && canSeeDevice(user, device);
        });
      return { scenarios: visible.reverse().map(viewOf) };
    },
  );
}

/** Stages a request on the engine; the engine's refusals become coded HTTP answers. */
function stageOrExplain(simulator: SimulatorHandle['simulator'], body: SimulatorScenarioRequest): StagedScenario {
  try {
    return simulator.stage(body);
  } catch (err) {
    // Matched by name and code, not by class: the simulator module is not loaded by this file.
    const known = err instanceof Error && err.name === 'SimulatorError' ? ENGINE_ERRORS[String((err as { code?: unknown }).code)] : undefined;
    if (known) throw new HubError(known.code, (err as Error).message, known.status);
    throw err;
  }
}

/** The device a staged scenario drives, or the item that leaks. */
function targetOf(staged: StagedScenario): string {
  const s = staged.scenario;
  return s.kind === 'methane-rise' ? s.sensorId : s.kind === 'leak' ? s.equipmentId : s.deviceId;
}

/** Who may see a staged scenario: as its device, or a leak as a device of the leaking item's owner. */
function visibilityOf(staged: StagedScenario, deps: RouteDeps): { siteId: string; enterpriseId: string | null; kind: string } | undefined {
  if (staged.leak) return { siteId: staged.siteId, enterpriseId: staged.leak.enterpriseId, kind: 'leak' };
  return deps.registry.device(targetOf(staged));
}

/** A staged scenario as the API shows it: the request as accepted, with its id, site and times (a leak with its truth). */
function viewOf(staged: StagedScenario): StagedScenarioView {
  const times = { siteId: staged.siteId, id: staged.id, startMs: staged.startMs, endMs: staged.endMs };
  const s = staged.scenario;
  if (s.kind !== 'leak') return { ...s, ...times };
  const { heightM, ...truth } = staged.leak!;
  return { ...s, chemical: s.chemical as LeakChemical, heightM, ...times, truth };
}
