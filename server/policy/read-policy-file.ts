import { readFile } from 'node:fs/promises';
import type { Policy } from '../../shared/policy.ts';
import { PolicyError, parsePolicy } from './parse-policy.ts';

/** Reads and parses a policy file; an unreadable file is a PolicyError at 1:1 with the system's reason. */
export async function readPolicyFile(file: string): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new PolicyError(file, 1, 1, `cannot read the policy file: ${(error as Error).message}`);
  }
  return parsePolicy(text, file);
}
