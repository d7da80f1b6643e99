/** Bad flags: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** An unreadable or malformed input file: printed alone, exit code 2. */
export class InputFileError extends Error {}
