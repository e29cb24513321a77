import { compareNumbers, isNumeric } from './bson-values';
import { Document, RunOnRequirement } from './schema';
import { compareVersions } from './versions';

/** What the runner knows of the deployment under test. */
export interface ServerFacts {
  version: string;
  topology: 'single' | 'replicaset' | 'sharded' | 'load-balanced';
  serverless: boolean;
  auth: boolean;
  authMechanisms: string[];
  csfle: boolean;
  /** getParameter values, fetched on demand; undefined when the server lacks the parameter. */
  serverParameter(name: string): Promise<unknown>;
}

function parameterEquals(expected: unknown, actual: unknown): boolean {
  if (isNumeric(expected) && isNumeric(actual)) return compareNumbers(expected, actual) === 0;
  return JSON.stringify(expected) === JSON.stringify(actual);
}

async function unmetReasons(requirement: RunOnRequirement, facts: ServerFacts): Promise<string[]> {
  const reasons: string[] = [];
  const { minServerVersion, maxServerVersion, topologies } = requirement;
  if (minServerVersion && compareVersions(facts.version, minServerVersion) < 0) {
    reasons.push(`requires server >= ${minServerVersion} (server is ${facts.version})`);
  }
  if (maxServerVersion && compareVersions(facts.version, maxServerVersion) > 0) {
    reasons.push(`requires server <= ${maxServerVersion} (server is ${facts.version})`);
  }
  if (topologies) {
    const accepted = topologies.map((topology) =>
      topology === 'sharded-replicaset' ? 'sharded' : topology,
    );
    if (!accepted.includes(facts.topology)) {
      reasons.push(`requires topology ${topologies.join('/')} (server is ${facts.topology})`);
    }
  }
  if (requirement.serverless === 'require' && !facts.serverless)
    reasons.push('requires Atlas Serverless');
  if (requirement.serverless === 'forbid' && facts.serverless)
    reasons.push('forbids Atlas Serverless');
  if (requirement.auth === true && !facts.auth) reasons.push('requires authentication enabled');
  if (requirement.auth === false && facts.auth) reasons.push('requires authentication disabled');
  const mechanism = requirement.authMechanism;
  if (mechanism && !facts.authMechanisms.some((m) => m.toLowerCase() === mechanism.toLowerCase())) {
    reasons.push(`requires auth mechanism ${mechanism}`);
  }
  if (requirement.csfle !== undefined && requirement.csfle !== false && !facts.csfle) {
    reasons.push('requires client-side field level encryption');
  }
  if (requirement.csfle === false && facts.csfle)
    reasons.push('requires no client-side encryption');
  reasons.push(...(await parameterReasons(requirement.serverParameters, facts)));
  return reasons;
}

async function parameterReasons(parameters: Document | undefined, facts: ServerFacts) {
  const reasons: string[] = [];
  for (const [name, expected] of Object.entries(parameters ?? {})) {
    const actual = await facts.serverParameter(name);
    if (actual === undefined || !parameterEquals(expected, actual)) {
      reasons.push(`requires server parameter ${name}=${JSON.stringify(expected)}`);
    }
  }
  return reasons;
}

/**
 * Evaluates a runOnRequirements list: undefined when at least one requirement is met (or the
 * list is absent), otherwise why none is.
 */
export async function skipReason(
  requirements: RunOnRequirement[] | undefined,
  facts: ServerFacts,
): Promise<string | undefined> {
  if (!requirements || requirements.length === 0) return undefined;
  const alternatives: string[] = [];
  for (const requirement of requirements) {
    const reasons = await unmetReasons(requirement, facts);
    if (reasons.length === 0) return undefined;
    alternatives.push(reasons.join(', '));
  }
  return alternatives.join('; or ');
}
