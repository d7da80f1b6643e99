/** The gRPC status code and message a client call fails with; neither when it succeeds. */
export async function failureOf(call: Promise<unknown>): Promise<{ code?: number; message?: string }> {
  try {
    await call;
  } catch (error) {
    return error as { code?: number; message?: string };
  }
  return {};
}
