/**
 * How a wall page comes back after the network or the server went away (socket.io's
 * Manager options, used by ./socket.ts). The first attempt after 0.5 s, then doubling, at
 * most 1.5 s ± 30 % apart: a wall is back within 2 s of the network returning, however long
 * it was gone (issue 12; measured by tests/soak/jitter-soak.test.ts). A hundred walls retrying
 * every 1.5 s against a server that is down cost it nothing worth a longer wait.
 */
export const WALL_RECONNECTION = {
  reconnection: true,
  reconnectionDelay: 500,
  reconnectionDelayMax: 1_500,
  randomizationFactor: 0.3,
  timeout: 10_000,
} as const;
