import { mixSeed, randomStreams, SeededRandom } from './random.js';

/**
 * Links to an ad carry the junk real sites add: session ids, tracking parameters in varying order,
 * fragments. A crawler must reduce them all to the one canonical URL (the path alone), or it
 * fetches the same ad many times.
 */
export function junkedAdHref(seed: number, path: string, adIndex: number, placement: number): string {
  const random = new SeededRandom(mixSeed(seed, randomStreams.linkJunk, adIndex, placement));
  const variant = random.int(0, 7);
  const session = variant === 0 || variant === 3 || variant === 4 ? random.hex(16) : '';
  switch (variant) {
    case 0:
      return `${path}?sessionid=${session}`;
    case 1:
      return `${path}?utm_source=listing`;
    case 2:
      return `${path}#contact`;
    case 3:
      return `${path}?utm_source=listing&utm_medium=cards&sessionid=${session}`;
    case 4:
      return `${path}?sessionid=${session}&utm_medium=cards&utm_source=listing#contact`;
    default:
      return path;
  }
}
