/** One structured log line on stderr (Cloud Logging reads `severity` and `message`). */
export function log(entry: { severity: string; message: string; [k: string]: unknown }): void {
  process.stderr.write(`${JSON.stringify({ ...entry, time: new Date().toISOString() })}\n`);
}
