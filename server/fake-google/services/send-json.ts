import type { ServerResponse } from 'node:http';
import type { JsonObject } from '../proto-json-checker.ts';

/** Answers a REST call of the fake with a JSON body, as Google's REST APIs do. */
export function sendJson(res: ServerResponse, code: number, body: JsonObject): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
