/**
 * Public test vectors for the address parsers: BIP-173/BIP-350 (bitcoin/bips), EIP-55 (ethereum/EIPs),
 * the Bitcoin genesis and BIP-13 examples, and Monero addresses published in documentation and in
 * open-source wallet libraries' tests (the Monero General Fund donation address among them).
 */

/** BIP-350 "valid segwit addresses" (BIP-173's v0 cases included); the testnet ones are in testnetBitcoinAddresses. */
export const validSegwitAddresses: readonly string[] = [
  'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4',
  'bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y',
  'BC1SW50QGDZ25J',
  'bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs',
  'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
];

/** BIP-350 "invalid segwit addresses", then BIP-173 cases that BIP-350 did not repeat. */
export const invalidSegwitAddresses: ReadonlyArray<{ address: string; reason: string }> = [
  { address: 'tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut', reason: 'invalid human-readable part' },
  { address: 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', reason: 'bech32 instead of bech32m' },
  { address: 'tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf', reason: 'bech32 instead of bech32m' },
  { address: 'BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL', reason: 'bech32 instead of bech32m' },
  { address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', reason: 'bech32m instead of bech32' },
  { address: 'tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47', reason: 'bech32m instead of bech32' },
  { address: 'bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4', reason: 'invalid character in checksum' },
  { address: 'BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R', reason: 'invalid witness version' },
  { address: 'bc1pw5dgrnzv', reason: 'invalid program length (1 byte)' },
  { address: 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav', reason: 'invalid program length (41 bytes)' },
  { address: 'BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P', reason: 'invalid program length for witness version 0' },
  { address: 'tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq', reason: 'mixed case' },
  { address: 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf', reason: 'zero padding of more than 4 bits' },
  { address: 'tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j', reason: 'non-zero padding in 8-to-5 conversion' },
  { address: 'bc1gmk9yu', reason: 'empty data section' },
  { address: 'tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty', reason: 'BIP-173: invalid human-readable part' },
  { address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', reason: 'BIP-173: invalid checksum' },
  { address: 'bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du', reason: 'BIP-173: zero padding of more than 4 bits' },
  { address: 'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv', reason: 'BIP-173: non-zero padding' },
  { address: 'bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx', reason: 'BIP-173 v1 example, bech32: invalid since BIP-350' },
];

/** base58check: the genesis block's P2PKH and BIP-13's P2SH example. */
export const validBase58BitcoinAddresses: readonly string[] = ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy'];

/** Well-formed testnet addresses (bitcoinjs and BIP-350 examples): refused, testnet coins have no value. */
export const testnetBitcoinAddresses: readonly string[] = [
  'mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn',
  '2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc',
  'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7',
  'tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy',
  'tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c',
];

/** EIP-55's examples: all caps, all lower, and checksummed mixed case. */
export const eip55Addresses: readonly string[] = [
  '0x52908400098527886E0F7030069857D2E4169EE7',
  '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
  '0xde709f2102306220921060314715629080e2fb77',
  '0x27b1fdb04752bbc536007a920d24acb045561c26',
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
  '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
];

export const moneroAddresses: ReadonlyArray<{ address: string; kind: 'standard' | 'integrated' | 'subaddress' }> = [
  // The Monero General Fund's donation address, printed in the project's documentation.
  { address: '44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A', kind: 'standard' },
  // One key pair as a standard, integrated and subaddress (an open-source address library's tests).
  { address: '4AMGENEQLdPGSqhGSgTdzH8dWxWoVwiTfgf2oTjPjxsgbUJS7kkK7euAhm94snzXVhHtZLwAXLiZQ6nDaWmqWHeSTafpXVw', kind: 'standard' },
  { address: '4L3wFB3twtuGSqhGSgTdzH8dWxWoVwiTfgf2oTjPjxsgbUJS7kkK7euAhm94snzXVhHtZLwAXLiZQ6nDaWmqWHeSgTmh7tVYUx65eb5iE7', kind: 'integrated' },
  { address: '8AiHrLaxEACUgytKhaVVEN4JELJ8m9uc5DbXWxTvavKqFYPbMGmPE75N7RFUVHhgxABW7y7tqih6r8CVUWzcc42DBTMihBd', kind: 'subaddress' },
  { address: '42z3MVZMRgE72dPA89MtCD6tYeWke8cV2B3YPYg1pe5x9X7VVqee6MWhjPrjCMiUFwejWkh8KL6MpN8cwX7B5WuZAxw2YbQ', kind: 'standard' },
  { address: '4BUqMSeJfNQGudzEJNvzQ2LXh4tbUdW4YCM7mq55edxBT7t1297vwCMZSnJwGvEKEKbH8hGmhZZAGhdHbp2te6AA38ZMi4knaCKLprMPni', kind: 'integrated' },
];

const base58Chars = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** `address` with the character at `index` replaced by the next one of the base58 alphabet. */
export function base58Typo(address: string, index: number): string {
  const next = base58Chars[(base58Chars.indexOf(address[index]!) + 1) % base58Chars.length]!;
  return address.slice(0, index) + next + address.slice(index + 1);
}
