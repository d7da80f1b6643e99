import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as grpc from '@grpc/grpc-js';
import { serializer } from 'google-gax';
import { type CallRecord, type FailCallOptions, FakeControls, type StatusCode } from './fake-controls.ts';
import { asGoogleApiError, GoogleApiError } from './google-api-error.ts';
import { type GoogleProtos, loadGoogleProtos } from './google-protos.ts';
import type { JsonObject } from './proto-json-checker.ts';
import { type FakeCallContext, type FakeGrpcService, fakeGrpcServices } from './registry.ts';
import { computeRestHandler } from './services/compute-rest.ts';
import { traceRestHandler } from './services/trace-rest.ts';
import type { World } from './world.ts';
import { WorldIndex } from './world-index.ts';

export interface StartFakeGoogleOptions {
  world: World;
  /** A loopback address; the fake never listens elsewhere. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Port of the REST APIs (Compute, Trace); 0 picks a free port. */
  restPort?: number;
  protos?: GoogleProtos;
}

/** A running fake of Google's APIs and its test controls. */
export interface FakeGoogle {
  host: string;
  port: number;
  /** host:port, for clients that take one address. */
  address: string;
  /** The plain-HTTP port of the REST APIs (Compute Engine v1, Cloud Trace v1), on the same host. */
  restPort: number;
  stop(): Promise<void>;
  /** Every call on this project (ID or number) answers PERMISSION_DENIED, until reset(). */
  denyProject(project: string): void;
  /** Fails the next `times` calls of a method (all when unset); see FakeControls.failCall. */
  failCall(method: string, code: StatusCode, options?: FailCallOptions): void;
  /** Clears denied projects, injected failures and the call log. */
  reset(): void;
  /**
   * The calls received, optionally of one method ('ListServices', 'Services/GetIamPolicy', full path).
   * REST calls are logged under their compute.proto method, e.g. /google.cloud.compute.v1.UrlMaps/List.
   */
  calls(method?: string): CallRecord[];
}

// Google's answer for an RPC a service does not offer, as quoted in googleapis/google-cloud-go#7197.
const UNIMPLEMENTED_MESSAGE = 'Operation is not implemented, or supported, or enabled.';
const SHUTDOWN_GRACE_MS = 2000;

/** Serves a world through Google's real gRPC protocol, in plaintext on loopback. */
export async function startFakeGoogle(options: StartFakeGoogleOptions): Promise<FakeGoogle> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) throw new Error(`the fake listens on loopback only, not on ${host}`);
  const protos = options.protos ?? loadGoogleProtos();
  const controls = new FakeControls();
  const context: FakeCallContext = { index: new WorldIndex(options.world), controls };

  const server = new grpc.Server();
  for (const service of fakeGrpcServices()) {
    const [definition, implementation] = grpcService(service, protos, context);
    server.addService(definition, implementation);
  }
  const bindHost = host.includes(':') ? `[${host}]` : host;
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(
      `${bindHost}:${options.port ?? 0}`,
      grpc.ServerCredentials.createInsecure(),
      (error, bound) => (error ? reject(error) : resolve(bound)),
    );
  });

  const rest = createServer(traceRestHandler(context, computeRestHandler(context)));
  const restPort = await new Promise<number>((resolve, reject) => {
    rest.once('error', reject);
    rest.listen(options.restPort ?? 0, host, () => resolve((rest.address() as AddressInfo).port));
  }).catch((error: unknown) => {
    server.forceShutdown();
    throw error;
  });

  return {
    host,
    port,
    address: `${bindHost}:${port}`,
    restPort,
    stop: async () => {
      await Promise.all([stopServer(server), stopHttpServer(rest)]);
    },
    denyProject: (project) => controls.denyProject(project),
    failCall: (method, code, failOptions) => controls.failCall(method, code, failOptions),
    reset: () => controls.reset(),
    calls: (method) => controls.calls(method),
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function stopServer(server: grpc.Server): Promise<void> {
  return new Promise((resolve) => {
    // Clients that keep their channel open must not hold the shutdown forever.
    const timer = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, SHUTDOWN_GRACE_MS);
    timer.unref();
    server.tryShutdown(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function stopHttpServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive connections of the REST clients would hold close() open.
    server.closeAllConnections();
  });
}

/** A grpc-js service definition built from the proto reflection, with every RPC of the service. */
function grpcService(
  service: FakeGrpcService,
  protos: GoogleProtos,
  context: FakeCallContext,
): [grpc.ServiceDefinition, grpc.UntypedServiceImplementation] {
  const reflection = protos.service(service.name);
  const definition: Record<string, grpc.MethodDefinition<JsonObject, Uint8Array>> = {};
  const implementation: grpc.UntypedServiceImplementation = {};
  for (const method of reflection.methodsArray) {
    // Only unary RPCs are faked; grpc-js answers UNIMPLEMENTED for methods it was not given.
    if (method.requestStream || method.responseStream) continue;
    method.resolve();
    const requestType = protos.messageType(method.resolvedRequestType?.fullName ?? method.requestType);
    const responseType = protos.messageType(method.resolvedResponseType?.fullName ?? method.responseType);
    const path = `/${service.name}/${method.name}`;
    definition[method.name] = {
      path,
      requestStream: false,
      responseStream: false,
      requestSerialize: (request: JsonObject) =>
        Buffer.from(requestType.encode(requestType.fromObject(request)).finish()),
      requestDeserialize: (bytes: Buffer) =>
        requestType.toObject(requestType.decode(bytes), { longs: String, enums: String, defaults: true }),
      // Handlers answer in proto3 JSON; the bytes are made in the handler so a bad answer is an error.
      responseSerialize: (bytes: Uint8Array) => Buffer.from(bytes),
      responseDeserialize: (bytes: Buffer) => bytes,
    };
    const handler = service.methods[method.name];
    implementation[method.name] = async (
      call: grpc.ServerUnaryCall<JsonObject, Uint8Array>,
      callback: grpc.sendUnaryData<Uint8Array>,
    ) => {
      const record = context.controls.record(path, call.request);
      try {
        const failure = context.controls.takeFailure(path);
        if (failure) throw failure;
        if (!handler) throw GoogleApiError.unimplemented(UNIMPLEMENTED_MESSAGE);
        const response = await handler(call.request, context);
        const message = serializer.fromProto3JSON(responseType, response as serializer.JSONValue);
        if (!message) throw new Error(`${method.name} answered nothing`);
        const bytes = responseType.encode(message).finish();
        record.code = grpc.status.OK;
        callback(null, bytes);
      } catch (error) {
        const { code, message } = asGoogleApiError(error);
        record.code = code;
        callback({ code, details: message });
      }
    };
  }
  return [definition, implementation];
}
