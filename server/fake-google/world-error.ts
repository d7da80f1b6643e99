/** A world file that cannot be served; the message starts with the JSON path of the first problem. */
export class WorldError extends Error {
  readonly path: string;
  readonly reason: string;

  constructor(path: string, reason: string) {
    super(path ? `${path}: ${reason}` : reason);
    this.name = 'WorldError';
    this.path = path;
    this.reason = reason;
  }
}
