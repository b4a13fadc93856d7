/**
 * Passes a body through while counting it, and errors the stream (the client sees a cut answer,
 * which no parser accepts) once it passes `limit` bytes: an upstream answer streamed back to a client
 * is bounded even when it declared no length.
 */
export function byteLimit(limit: number, onExceeded: () => Error): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0;
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.length;
      if (seen > limit) controller.error(onExceeded());
      else controller.enqueue(chunk);
    },
  });
}
