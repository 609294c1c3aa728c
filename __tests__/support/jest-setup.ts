/**
 * Runs before every suite. cdktf records a full stack trace for each token it creates, used only to
 * decorate a token resolution error; under jest every frame of it is mapped through source maps, which
 * took 40 % of a unit suite's time (CPU profile of backends.test.ts). Tests record none: a resolution
 * error still names the token, just not where it was created.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stackTrace: { captureStackTrace: () => string[] } = require("cdktf/lib/tokens/private/stack-trace");
stackTrace.captureStackTrace = () => [];
