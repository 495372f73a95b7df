/**
 * One invocation's log, as the Lambda Node.js runtime writes it, and the `X-Amz-Log-Result` tail:
 * base64 of the last 4 KB (docs/lambda-invoke-api.md).
 */
export const LOG_TAIL_BYTES = 4096;

export type ConsoleLevel = 'INFO' | 'WARN' | 'ERROR' | 'DEBUG' | 'TRACE';

/** `<ISO time>\t<requestId>\t<LEVEL>\t<message>\n`, the Node.js runtime's text log format. */
export function formatConsoleLine(time: Date, requestId: string, level: ConsoleLevel, message: string): string {
  return `${time.toISOString()}\t${requestId}\t${level}\t${message}\n`;
}

export function startLine(requestId: string, version: string): string {
  return `START RequestId: ${requestId} Version: ${version}\n`;
}

export function endLines(input: {
  requestId: string;
  durationMs: number;
  memoryMb: number;
  maxMemoryUsedMb: number;
}): string {
  const { requestId, durationMs, memoryMb, maxMemoryUsedMb } = input;
  return (
    `END RequestId: ${requestId}\nREPORT RequestId: ${requestId}\tDuration: ${durationMs.toFixed(2)} ms\t` +
    `Billed Duration: ${Math.max(1, Math.ceil(durationMs))} ms\tMemory Size: ${memoryMb} MB\t` +
    `Max Memory Used: ${maxMemoryUsedMb} MB\t\n`
  );
}

/**
 * Keeps only what a tail can need: chunks are appended, and once they exceed twice the tail size they are
 * collapsed to the last `tailBytes`, so a chatty 400 s handler does not grow the emulator's memory.
 */
export class InvocationLog {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly tailBytes: number = LOG_TAIL_BYTES) {}

  append(text: string): void {
    const chunk = Buffer.from(text, 'utf8');
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size > 2 * this.tailBytes) {
      const kept = this.lastBytes();
      this.chunks = [kept];
      this.size = kept.length;
    }
  }

  /** The last `tailBytes` bytes (may start inside a UTF-8 sequence, as the service's byte cut does). */
  lastBytes(): Buffer {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - this.tailBytes));
  }

  tailBase64(): string {
    return this.lastBytes().toString('base64');
  }
}
