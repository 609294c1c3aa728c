import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";

const LAUNCHER = path.resolve(__dirname, "..", "..", "scripts", "emulator", "moto_launcher.py");
const REGION = "us-east-1";
const CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };
const STARTUP_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/** A running moto server (see scripts/emulator/moto_launcher.py). */
export interface Emulator {
  /** `http://127.0.0.1:PORT` */
  readonly endpoint: string;
  /** The only account the emulator serves; the harness's providers refuse any other. */
  readonly accountId: string;
  /**
   * Variables to layer over process.env for anything that should talk to the emulator
   * (Terraform, its S3 backend, CLIs): endpoint, dummy credentials and region. Every AWS_*
   * variable of the caller is unset (`undefined`), so no profile or real key can leak in.
   */
  readonly env: NodeJS.ProcessEnv;
  /** The server's log (a line per request, plus tracebacks), kept after stop() for post-mortems. */
  readonly logFile: string;
  /**
   * The requests the server received since the last call (moto's recorder, MOTO_ENABLE_RECORDING),
   * emptying the record: a suite takes one slice per phase (apply, plan, destroy, ...) and discards
   * its own SDK reads the same way, so each slice holds only what Terraform or a script called.
   */
  takeRecording(): RecordedRequest[];
  /** Stops the server's whole process group; safe to call more than once. */
  stop(): Promise<void>;
}

/** One request as moto's recorder writes it (a JSON line). */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | null;
  /** The body is base64 (bytes), not text. */
  readonly body_encoded: boolean;
}

/** Configuration for AWS SDK v3 clients, e.g. `new S3Client(sdkConfig(emulator))`. */
export interface EmulatorSdkConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Only S3Client reads it: bucket names cannot be subdomains of 127.0.0.1. */
  forcePathStyle: boolean;
}

/**
 * Starts the patched moto server on a free 127.0.0.1 port and resolves once it answers HTTP.
 * `PYTHON` names the interpreter that has moto installed (default: python3); `serverEnv` adds
 * moto settings (MOTO_*) to the server's environment.
 *
 * The server runs in its own process group so that stop() also ends anything it started. It is
 * also stopped if this process dies without calling stop(), even by SIGKILL: it exits when its
 * stdin, a pipe held by this process, closes. (A process.on("exit") handler would not do: jest
 * hands each test file its own copy of `process`, whose "exit" event never fires.)
 */
export async function startEmulator(options: { serverEnv?: NodeJS.ProcessEnv } = {}): Promise<Emulator> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const accountId = "123456789012"; // moto's default, pinned below so nothing else changes it
  const serverDir = fs.mkdtempSync(path.join(os.tmpdir(), "moto-"));
  const logFile = path.join(serverDir, "moto.log");
  // Always on: a JSON line per request costs little beside what moto does for it.
  const recordingFile = path.join(serverDir, "recording.jsonl");
  const logFd = fs.openSync(logFile, "w");
  const child = spawn(process.env.PYTHON ?? "python3", [LAUNCHER, "--port", String(port), "--exit-on-stdin-eof"], {
    detached: true,
    stdio: ["pipe", logFd, logFd],
    env: { ...process.env, ...options.serverEnv, MOTO_ACCOUNT_ID: accountId, MOTO_ENABLE_RECORDING: "true", MOTO_RECORDER_FILEPATH: recordingFile },
  });
  fs.closeSync(logFd);
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", () => resolve()); // e.g. python3 not found: there will be no "exit"
  });

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= stopProcessGroup(child, exited));
  try {
    await waitUntilServing(endpoint, child);
  } catch (error) {
    await stop();
    const log = fs.readFileSync(logFile, "utf8").slice(-4000);
    throw new Error(`moto did not start on ${endpoint}: ${(error as Error).message}\n${log}`);
  }
  return { endpoint, accountId, env: emulatorEnv(endpoint), logFile, takeRecording: () => takeRecording(recordingFile), stop };
}

/** AWS SDK v3 client configuration that targets the emulator. */
export function sdkConfig(emulator: Emulator): EmulatorSdkConfig {
  return { endpoint: emulator.endpoint, region: REGION, credentials: CREDENTIALS, forcePathStyle: true };
}

/**
 * Moves the recording aside and parses it. moto opens the file for each request, so between two
 * phases (no request in flight) the next request starts a new file.
 */
function takeRecording(file: string): RecordedRequest[] {
  if (!fs.existsSync(file)) return [];
  const taken = `${file}.${process.hrtime.bigint()}`;
  fs.renameSync(file, taken);
  const lines = fs.readFileSync(taken, "utf8").split("\n").filter(Boolean);
  fs.rmSync(taken);
  return lines.map((line) => JSON.parse(line) as RecordedRequest);
}

function emulatorEnv(endpoint: string): NodeJS.ProcessEnv {
  const unsetAws = Object.fromEntries(
    Object.keys(process.env)
      .filter((name) => name.startsWith("AWS_"))
      .map((name) => [name, undefined])
  );
  return {
    ...unsetAws,
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_EC2_METADATA_DISABLED: "true", // never wait on an instance metadata service
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(endpoint: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    // No pid: spawn failed (e.g. no python3). An exit code or signal: the server died.
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
      throw new Error("the server process is not running");
    }
    try {
      await fetch(endpoint, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`no answer within ${STARTUP_TIMEOUT_MS / 1000} s`);
}

async function stopProcessGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  const pid = child.pid;
  if (pid !== undefined) {
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-pid, signal); // negative pid: the whole process group (detached: true)
      } catch {
        // ESRCH: the group is already gone.
      }
    };
    signalGroup("SIGTERM");
    const escalate = setTimeout(() => signalGroup("SIGKILL"), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(escalate);
  }
  child.stdin?.destroy();
}
