/** @module lib/library/stream — text chunks to a Blob and a Blob back to text chunks, without one big string. */

/** Collects text chunks into a Blob, a Blob per chunk, so no single string holds the whole file. */
export async function blobOf(chunks: AsyncIterable<string>, type: string): Promise<Blob> {
  const parts: Blob[] = [];
  for await (const chunk of chunks) parts.push(new Blob([chunk]));
  return new Blob(parts, { type });
}

/** A file's text in pieces, decoded as UTF-8 as they arrive. */
export async function* textChunks(file: Blob): AsyncGenerator<string> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
  } finally {
    reader.releaseLock();
  }
}
