/** Calm, distinguishable colours (Okabe–Ito and Tol's muted set), readable on white. */
const palette = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#882255', '#44aa99', '#999933', '#aa4499', '#332288', '#117733'];

const assigned = new Map<string, string>();

/** The same cluster keeps its colour for the whole session (first come, first coloured). */
export function clusterColour(cluster: string | number | null): string {
  if (cluster === null) return '#9aa5b1';
  const key = String(cluster);
  let colour = assigned.get(key);
  if (colour === undefined) {
    colour = palette[assigned.size % palette.length]!;
    assigned.set(key, colour);
  }
  return colour;
}
