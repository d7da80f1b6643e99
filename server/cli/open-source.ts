import { demoWorldPath } from '../paths.ts';
import { googleSource, type Source, worldSource } from '../sources.ts';
import { InputFileError, UsageError } from './cli-errors.ts';

/** The data source named by --world / --project flags; the demo world when neither is given. */
export async function openSource(values: { world?: string; project?: string[] }): Promise<Source> {
  if (values.world && values.project?.length)
    throw new UsageError('give either --world or --project, not both');
  if (values.project?.length) {
    const bad = values.project.find((p) => !/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(p));
    if (bad) throw new UsageError(`--project ${JSON.stringify(bad)} is not a Google Cloud project ID`);
    return googleSource(values.project);
  }
  const file = values.world ?? demoWorldPath();
  try {
    return await worldSource(file, values.world ? undefined : 'demo world');
  } catch (error) {
    // A world that cannot be read or is malformed is the user's input: name the file and the problem.
    throw new InputFileError(
      `cannot use world ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
