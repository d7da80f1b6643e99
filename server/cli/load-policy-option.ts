import type { Policy } from '../../shared/policy.ts';
import { PolicyError } from '../policy/parse-policy.ts';
import { readPolicyFile } from '../policy/read-policy-file.ts';
import { InputFileError } from './cli-errors.ts';

/** The policy named by --policy or RUNMAP_POLICY; a bad one is an input error (exit 2). */
export async function loadPolicyOption(file: string | undefined): Promise<Policy | undefined> {
  if (!file) return undefined;
  try {
    return await readPolicyFile(file);
  } catch (error) {
    if (error instanceof PolicyError) throw new InputFileError(`cannot use policy ${error.message}`);
    throw error;
  }
}
